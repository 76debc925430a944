// Starts the production build for the Playwright journeys on a fresh database: a new PostgreSQL database
// when TEST_DATABASE_URL is set (as in CI), otherwise a new PGlite folder. Run `next build` first.
import { spawn } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import postgres from 'postgres'
import { e2eEnvironment, e2eFixturesFile } from '../e2e/support/environment'

const port = process.env.E2E_PORT ?? '3100'

async function freshDatabase(): Promise<Record<string, string>> {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) {
    const dir = `.data/e2e-pglite-${port}`
    rmSync(dir, { recursive: true, force: true })
    return { PGLITE_DIR: dir }
  }
  const name = `rotp_e2e_${port}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`drop database if exists ${name} with (force)`)
  await admin.unsafe(`create database ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return { DATABASE_URL: url.toString() }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: 'inherit' })
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))))
  })
}

const distDir = port === '3100' ? '.next' : `.next-${port}`
if (!existsSync(`${distDir}/BUILD_ID`)) {
  console.error('No production build: run `npm run build` before the journeys (npm run test:e2e does).')
  process.exit(1)
}
const database = await freshDatabase()
const env = { ...process.env, ...e2eEnvironment(port), ...database }
delete env.TEST_DATABASE_URL
await run('npx', ['tsx', 'db/cli/seed.ts'], env)
await run('npx', ['tsx', 'scripts/e2e-fixtures.ts', e2eFixturesFile(port)], env)
const server = spawn('npx', ['next', 'start', '--port', port, '--hostname', '127.0.0.1'], { env, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
