// Starts the production build for the Playwright journeys on a fresh database: a new PostgreSQL database
// when TEST_DATABASE_URL is set (as in CI), otherwise a new PGlite folder. Run `next build` first.
// With --second-instance it starts another server on the next port against the same PostgreSQL database
// (e2e/instances), after the first has prepared it. With TEST_REDIS_URL both count rate limits in Redis.
import { spawn } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { Redis } from 'ioredis'
import postgres from 'postgres'
import { e2eDatabaseUrl, e2eEnvironment, e2eFixturesFile, secondInstancePort } from '../e2e/support/environment'

const port = process.env.E2E_PORT ?? '3100'
const secondInstance = process.argv.includes('--second-instance')

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
  return { DATABASE_URL: e2eDatabaseUrl(serverUrl, port) }
}

/** Redis for rate limits when TEST_REDIS_URL is set, without counts left by an earlier run on this port. */
async function freshRedis(prefix: string): Promise<Record<string, string>> {
  const url = process.env.TEST_REDIS_URL
  if (!url) return {}
  const redis = new Redis(url)
  const keys: string[] = []
  for await (const batch of redis.scanStream({ match: `${prefix}:*`, count: 500 })) keys.push(...(batch as string[]))
  if (keys.length > 0) await redis.unlink(...keys)
  redis.disconnect()
  return { REDIS_URL: url }
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
const environment = e2eEnvironment(port)
let env: NodeJS.ProcessEnv
if (secondInstance) {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) throw new Error('--second-instance needs TEST_DATABASE_URL: PGlite serves one process only')
  env = {
    ...process.env,
    ...environment,
    DATABASE_URL: e2eDatabaseUrl(serverUrl, port),
    ...(process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {}),
  }
} else {
  env = { ...process.env, ...environment, ...(await freshDatabase()), ...(await freshRedis(environment.REDIS_KEY_PREFIX ?? 'rotp')) }
}
delete env.TEST_DATABASE_URL
delete env.TEST_REDIS_URL
if (!secondInstance) {
  await run('npx', ['tsx', 'db/cli/seed.ts'], env)
  await run('npx', ['tsx', 'scripts/e2e-fixtures.ts', e2eFixturesFile(port)], env)
}
// E2E_PORT stays the first server's, so both instances serve the same build (next.config.ts's distDir).
const listenPort = secondInstance ? secondInstancePort(port) : port
const server = spawn('npx', ['next', 'start', '--port', listenPort, '--hostname', '127.0.0.1'], { env, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
