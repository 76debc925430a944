// `npx tsx bench/profile.ts [--skip-build]`: a CPU profile of `next start` under load for each of four requests
// (/api/health, /api/v1/info, a 401, a page of 100, one provider), and the top frames of each by self time (bench/README.md).
// Uses the database bench/api.ts leaves (DATABASE_URL, default rotp_bench); profiles go to bench/results/profiles.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import autocannon from 'autocannon'
import postgres from 'postgres'
import { createApiClient } from '../lib/api-clients/commands'
import { openDatabase } from '../db/client'
import { roleOf } from '../lib/auth/roles'
import { addDays, ukDate } from '../lib/dates'
import { generateToken } from '../lib/tokens/format'
import { benchNodeFlags, benchServerEnvironment, startServer } from './server'

const port = Number(process.env.BENCH_PORT ?? 3600)
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rotp_bench'
const seconds = Number(process.env.BENCH_SECONDS ?? 8)
const folder = 'bench/results/profiles'
const pepper = randomBytes(32).toString('hex')
// PROFILE_CASES=/api/health,/api/v1/info profiles only those (names as in the list below).
const onlyCases = process.env.PROFILE_CASES?.split(',').map((name) => name.trim())

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] }

// Where a frame's code comes from, shortened: the package, or our file, or Node's own.
function origin(url: string): string {
  if (url === '') return ''
  const modules = url.lastIndexOf('node_modules/')
  if (modules >= 0) {
    const rest = url.slice(modules + 13).split('/')
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url)
  }
  if (url.startsWith('node:')) return url
  return url.slice(url.lastIndexOf('/') + 1)
}

/** Self time by frame and by origin, as shares of all samples. */
export function topFrames(profile: Profile, count = 12): { frames: string[]; origins: string[] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const frames = new Map<string, number>()
  const origins = new Map<string, number>()
  for (const id of profile.samples) {
    const frame = byId.get(id)?.callFrame
    if (!frame) continue
    const from = origin(frame.url)
    const name = `${frame.functionName || '(anonymous)'} ${from}`.trim()
    frames.set(name, (frames.get(name) ?? 0) + 1)
    origins.set(from || '(native/GC/idle)', (origins.get(from || '(native/GC/idle)') ?? 0) + 1)
  }
  const total = profile.samples.length
  const top = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, hits]) => `${((hits / total) * 100).toFixed(1)}% ${name}`)
  return { frames: top(frames), origins: top(origins) }
}

/** A bench client's token, and a live provider for the one-provider case. */
async function benchToken(): Promise<{ token: string; providerId: string }> {
  const connection = await openDatabase({ url: databaseUrl })
  try {
    const sql = postgres(databaseUrl, { max: 1 })
    const [creator] = await sql`select id, first_name, last_name, email, api_user from users where not api_user and active limit 1`
    const [provider] = await sql`select id from providers where archived_at is null and deleted_at is null limit 1`
    await sql.end()
    if (!creator) throw new Error('no user: run bench/api.ts first')
    const person = { id: String(creator.id), firstName: String(creator.first_name), lastName: String(creator.last_name), email: String(creator.email), role: roleOf({ apiUser: false }) }
    const now = new Date()
    const created = await createApiClient(connection.db, { name: `Profile ${now.toISOString()}`, expiresOn: addDays(ukDate(now), 30), creator: person, at: now, tokens: { pepper, environment: 'test' } })
    if (created.outcome !== 'created') throw new Error('no client')
    return { token: created.token, providerId: String(provider?.id ?? '') }
  } finally {
    await connection.close()
  }
}

async function main(): Promise<void> {
  if (!process.argv.includes('--skip-build')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, E2E_PORT: String(port) } })
  const { token, providerId } = await benchToken()
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
    const server = await startServer(port, benchServerEnvironment(port, databaseUrl, pepper), [...benchNodeFlags(), '--cpu-prof', `--cpu-prof-dir=${dir}`])
    const url = `${server.origin}${test.path}`
    await autocannon({ url, connections: 10, duration: 2, headers: test.headers })
    const result = await autocannon({ url, connections: 10, duration: seconds, headers: test.headers })
    await server.stop()
    // The largest profile is the server's (npm or a helper process may write small ones).
    const files = readdirSync(dir).map((file) => join(dir, file))
    const profile = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as Profile).sort((a, b) => b.samples.length - a.samples.length)[0]
    if (!profile) throw new Error(`no profile in ${dir}`)
    const { frames, origins } = topFrames(profile)
    console.info(`\n## ${test.name}: ${Math.round(result.requests.average)} req/s while profiled\nBy origin: ${origins.join('; ')}\nTop frames (self time):\n${frames.map((frame) => `- ${frame}`).join('\n')}`)
  }
}

await main()
