// `npx tsx bench/profile.ts [--skip-build]`: a CPU profile of `next start` under load for each of four requests
// (/api/health, /api/v1/info, a 401, a page of 100, one provider), and the top frames of each by self time (bench/README.md).
// Uses the database bench/api.ts leaves (DATABASE_URL, default rotp_bench); profiles go to bench/results/profiles.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { generateToken } from '../lib/tokens/format'
import { benchToken, topFrames, type Profile } from './cpu-profile'
import { benchNodeFlags, benchServerEnvironment, startServer } from './server'

const port = Number(process.env.BENCH_PORT ?? 3600)
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rotp_bench'
const seconds = Number(process.env.BENCH_SECONDS ?? 8)
const folder = 'bench/results/profiles'
const pepper = randomBytes(32).toString('hex')
// PROFILE_CASES=/api/health,/api/v1/info profiles only those (names as in the list below).
const onlyCases = process.env.PROFILE_CASES?.split(',').map((name) => name.trim())

async function main(): Promise<void> {
  if (!process.argv.includes('--skip-build'))
    spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, E2E_PORT: String(port) } })
  const { token, providerId } = await benchToken(databaseUrl, pepper)
  const all: { name: string; path: string; headers: Record<string, string> }[] = [
    { name: '/api/health', path: '/api/health', headers: {} },
    { name: '/api/v1/info', path: '/api/v1/info', headers: { authorization: `Bearer ${token}` } },
    { name: '401 (unknown token)', path: '/api/v1/info', headers: { authorization: `Bearer ${generateToken('test').plaintext}` } },
    { name: 'providers page of 100', path: '/api/v1/providers?per_page=100', headers: { authorization: `Bearer ${token}` } },
    { name: 'one provider', path: `/api/v1/providers/${providerId}`, headers: { authorization: `Bearer ${token}` } },
  ]
  const cases = all.filter((test) => !onlyCases || onlyCases.includes(test.name))
  rmSync(folder, { recursive: true, force: true })
  for (const test of cases) {
    const dir = join(folder, test.name.replace(/[^a-z0-9]+/gi, '-'))
    mkdirSync(dir, { recursive: true })
    const server = await startServer(port, benchServerEnvironment(port, databaseUrl, pepper), [
      ...benchNodeFlags(),
      '--cpu-prof',
      `--cpu-prof-dir=${dir}`,
    ])
    const url = `${server.origin}${test.path}`
    await autocannon({ url, connections: 10, duration: 2, headers: test.headers })
    const result = await autocannon({ url, connections: 10, duration: seconds, headers: test.headers })
    await server.stop()
    // The largest profile is the server's (npm or a helper process may write small ones).
    const files = readdirSync(dir).map((file) => join(dir, file))
    const profile = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as Profile).sort((a, b) => b.samples.length - a.samples.length)[0]
    if (!profile) throw new Error(`no profile in ${dir}`)
    const { frames, origins } = topFrames(profile)
    console.info(
      `\n## ${test.name}: ${Math.round(result.requests.average)} req/s while profiled\nBy origin: ${origins.join('; ')}\nTop frames (self time):\n${frames.map((frame) => `- ${frame}`).join('\n')}`,
    )
  }
}

await main()
