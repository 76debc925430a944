// `npx tsx bench/api.ts [--skip-build] [--prototype=DIR]` (npm run bench:api): issue 16's targets, each a ratio
// of two cases measured in the same run, at the real register's size (about 2,200 providers) and at the largest
// the seed makes (44,304 live); with DfE's prototype side by side when PROTOTYPE_DIR (or --prototype) names a
// checkout of it. See bench/README.md.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { generateToken } from '../lib/tokens/format'
import { prepareDatabase, type BenchDatabase } from './database'
import { readHeapBreakdown } from './heap'
import { alternate, warmUp, type Case, type Measured } from './measure'
import { prototypeCookie, prototypeDir, seedPrototype, startPrototype } from './prototype'
import { benchServerEnvironment, pinToFirstCpu, startServer, watchMemory } from './server'
import { addApiClients, apiOnlyPerson, sessionCookie, staffListClients } from './staff'
import { apiTargets, memoryTargets, staffListTargets, verdictTable, type Verdict } from './targets'

const port = Number(process.env.BENCH_PORT ?? 3600)
const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rotp_bench'
const seconds = Number(process.env.BENCH_SECONDS ?? 2)
const rounds = Number(process.env.BENCH_ROUNDS ?? 9)
const log = (line: string) => console.info(line)
const load = () => loadavg().map((value) => value.toFixed(2)).join(' ')

// Anything would do: the servers only need the secrets the tokens were hashed and sessions signed with.
const pepper = randomBytes(32).toString('hex')
const sessionSecret = randomBytes(32).toString('hex')
const prototypeSecret = randomBytes(16).toString('hex')
const metricsToken = randomBytes(16).toString('hex')

/** The two sizes: the real register's (about 2,200 live) and the largest the seed makes. */
const allSizes = [
  { label: '2.2k', providers: 2_320, url: baseUrl.replace(/\/([^/]+)$/, '/$1_2k') },
  { label: '44k', providers: undefined, url: baseUrl },
]

// For working on one target: BENCH_SIZES=2.2k and BENCH_CASES=health,info measure only those (a ratio whose
// cases were left out prints as not measured). The full run, for the verdicts, sets neither.
const listed = (name: string) => process.env[name]?.split(',').map((item) => item.trim()).filter(Boolean)
const onlySizes = listed('BENCH_SIZES')
const onlyCases = listed('BENCH_CASES')
const sizes = allSizes.filter((size) => !onlySizes || onlySizes.includes(size.label))
const chosen = (test: Case) => !onlyCases || onlyCases.includes(test.name.replace(/^prototype: /, ''))

type Row = Measured & { server: string; size: string }

function ourCases(origin: string, pid: number, database: BenchDatabase): Case[] {
  const bearer = { authorization: `Bearer ${database.token}` }
  const pages = Math.ceil(database.liveProviders / 100)
  const api = (name: string, path: string, extra: Partial<Case> = {}): Case => ({ name, url: `${origin}${path}`, headers: bearer, serverPid: pid, status: 200, ...extra })
  return [
    { name: 'health', url: `${origin}/api/health`, serverPid: pid, status: 200 },
    api('info', '/api/v1/info'),
    api('unknown token', '/api/v1/info', { headers: { authorization: `Bearer ${generateToken('test').plaintext}` }, status: 401 }),
    api('page 1', '/api/v1/providers?per_page=100'),
    // The last page may be short; the one before it is a full page read from the far end.
    api('deep page', `/api/v1/providers?per_page=100&page=${Math.max(1, pages - 1)}`),
    api('per_page=1', '/api/v1/providers?per_page=1'),
    api('one provider', `/api/v1/providers/${database.providerId}`),
    api('feed', '/api/v1/providers/changes?per_page=500', { providersPerAnswer: 500 }),
    api('limit page', '/api/bench/limit?of=providers&per_page=100'),
    api('limit feed', '/api/bench/limit?of=changes&per_page=500', { providersPerAnswer: 500 }),
  ]
}

async function prototypeCases(dir: string, database: BenchDatabase, size: string): Promise<{ cases: Case[]; stop: () => Promise<void> } | undefined> {
  const token = `production_${randomBytes(32).toString('hex')}`
  const served = await seedPrototype(dir, database.url, token, prototypeSecret)
  const server = await startPrototype(dir, port + 10, prototypeSecret)
  pinToFirstCpu(server.child.pid)
  const bearer = { authorization: `Bearer ${token}` }
  const headers: Record<string, string> = { ...bearer, ...(await prototypeCookie(server.origin, bearer)) }
  const pid = server.child.pid ?? 0
  const pages = Math.ceil(served / 100)
  log(`Prototype (${size}): serves ${served.toLocaleString('en-GB')} providers; session cookie ${headers.cookie ? 'returned' : 'none set'}`)
  const url = (path: string) => `${server.origin}${path}`
  const cases: Case[] = [
    { name: 'page 1', url: url('/api/v1/providers?per_page=100'), headers, serverPid: pid, status: 200 },
    { name: 'deep page', url: url(`/api/v1/providers?per_page=100&page=${Math.max(1, pages - 1)}`), headers, serverPid: pid, status: 200 },
    { name: 'per_page=1', url: url('/api/v1/providers?per_page=1'), headers, serverPid: pid, status: 200 },
    { name: 'page 1, per_page=200', url: url('/api/v1/providers?per_page=200'), headers, serverPid: pid, status: 200, providersPerAnswer: 200 },
    { name: 'unknown token (403)', url: url('/api/v1/providers?per_page=1'), headers: { authorization: `Bearer production_${'0'.repeat(64)}` }, serverPid: pid, status: 403 },
  ]
  return { cases, stop: server.stop }
}

async function staffCases(origin: string, pid: number, database: BenchDatabase): Promise<{ cases: Case[]; pages: string[] }> {
  const pages = await addApiClients(database.url, database.staff.id)
  const full = await sessionCookie(database.staff, sessionSecret)
  const empty = await sessionCookie(await apiOnlyPerson(database.url), sessionSecret)
  const page = (number: number, label: string): Case => ({ name: `staff list, ${label} (page ${number})`, url: `${origin}/api-clients?page=${number}`, headers: full, serverPid: pid, status: 200 })
  const cases = [
    { name: 'staff list, empty', url: `${origin}/api-clients`, headers: empty, serverPid: pid, status: 200 },
    page(1, 'first'),
    page(Math.ceil(pages / 2), 'middle'),
    page(pages, 'last'),
  ]
  return { cases, pages: cases.slice(1).map((test) => test.name) }
}

function table(rows: Row[]): string {
  const head = '| server | size | case | conn. | req/s | providers/s | Node CPU ms/req | PostgreSQL CPU ms/req | p50 ms | p99 ms | unexpected status | errors |\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|'
  const lines = rows.map(
    (row) =>
      `| ${row.server} | ${row.size} | ${row.name} | ${row.connections} | ${Math.round(row.rps)} | ${row.providersPerSecond === undefined ? '' : Math.round(row.providersPerSecond)} | ${row.nodeCpuMs.toFixed(2)} | ${row.postgresCpuMs.toFixed(2)} | ${row.p50} | ${row.p99} | ${row.unexpected} | ${row.errors} |`,
  )
  return [head, ...lines].join('\n')
}

async function measureSize(
  size: (typeof sizes)[number],
  dir: string | undefined,
  rows: Row[],
  verdicts: Verdict[],
  { apiPeaks, peaks }: { apiPeaks: number[]; peaks: number[] },
): Promise<void> {
  const database = await prepareDatabase(size.url, pepper, log, size.providers)
  log(`${size.label}: ${database.liveProviders.toLocaleString('en-GB')} live providers; load average ${load()}`)
  const server = await startServer(port, { ...benchServerEnvironment(port, database.url, pepper), NEXTAUTH_SECRET: sessionSecret, BENCH_LIMIT_ROUTE: 'true', METRICS_TOKEN: metricsToken })
  pinToFirstCpu(server.child.pid)
  const memory = watchMemory(server.child.pid ?? 0)
  const pid = server.child.pid ?? 0
  const prototype = dir ? await prototypeCases(dir, database, size.label) : undefined
  try {
    // Each server is stopped while the other's cases run (measure.ts), so neither takes the pinned CPU from the other.
    const prototypePid = prototype?.cases[0]?.serverPid
    const ours = ourCases(server.origin, pid, database).map((test) => ({ ...test, pause: prototypePid ? [prototypePid] : [] }))
    const theirs = prototype?.cases.map((test) => ({ ...test, name: `prototype: ${test.name}`, pause: [pid] })) ?? []
    const all = [...ours, ...theirs].filter(chosen)
    // Which phase raised the server's peak memory (target 6), and what the memory is made of then.
    const peakSoFar = async (phase: string) =>
      log(`${size.label}: server peak RSS ${memory.peakMb().toFixed(0)} MB after ${phase}; now ${await readHeapBreakdown(server.origin, metricsToken)}`)
    await peakSoFar('start')
    await warmUp(all)
    await peakSoFar('warm-up')
    const at10 = await alternate(all, { connections: 10, seconds, rounds }, log)
    await peakSoFar('10 connections')
    const heavy = ours.filter((test) => ['health', 'info', 'page 1', 'feed'].includes(test.name) && chosen(test))
    const at50 = await alternate(heavy, { connections: 50, seconds, rounds }, log)
    await peakSoFar('50 connections')
    apiPeaks.push(memory.peakMb())
    const measured = [...at10, ...at50]
    const row = (server: string, name: string) => (test: Measured) => ({ ...test, server, size: size.label, name })
    for (const test of measured) rows.push(test.name.startsWith('prototype: ') ? row('prototype', test.name.slice(11))(test) : row('ours', test.name)(test))
    const find = (prefix: string) => (name: string, connections = 10) => measured.find((test) => test.name === `${prefix}${name}` && test.connections === connections)
    verdicts.push(...apiTargets(size.label, find(''), find('prototype: ')))
    if (size.providers === undefined && (!onlyCases || onlyCases.includes('staff list'))) {
      const staff = await staffCases(server.origin, pid, database)
      await warmUp(staff.cases, 1)
      const staffRows = await alternate(staff.cases, { connections: 2, seconds, rounds }, log)
      await peakSoFar('the staff list')
      for (const test of staffRows) rows.push({ ...test, server: 'ours', size: `${size.label}, ${staffListClients.toLocaleString('en-GB')} clients` })
      verdicts.push(...staffListTargets((name) => staffRows.find((test) => test.name === name), staff.pages))
    }
  } finally {
    memory.stop()
    peaks.push(memory.peakMb())
    await prototype?.stop()
    await server.stop()
  }
}

async function main(): Promise<void> {
  const started = Date.now()
  log(`Node ${process.version}, load average ${load()}`)
  if (!process.argv.includes('--skip-build')) {
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, E2E_PORT: String(port) } })
    if (build.status !== 0) throw new Error('next build failed')
  }
  const dir = prototypeDir()
  if (!dir) log('No prototype (PROTOTYPE_DIR): measuring our cases and the limit only.')
  const rows: Row[] = []
  const verdicts: Verdict[] = []
  const memory = { apiPeaks: [] as number[], peaks: [] as number[] }
  for (const size of sizes) await measureSize(size, dir, rows, verdicts, memory)
  verdicts.push(...memoryTargets(Math.max(...memory.apiPeaks), Math.max(...memory.peaks)))
  const report = [
    `${seconds} s × ${rounds} alternating rounds a case; load average at the end ${load()}; took ${Math.round((Date.now() - started) / 1000)} s`,
    '',
    table(rows),
    '',
    verdictTable(verdicts),
  ].join('\n')
  console.info(`\n${report}`)
  mkdirSync('bench/results', { recursive: true })
  writeFileSync(`bench/results/api-${new Date().toISOString().replaceAll(':', '-')}.md`, `${report}\n`)
}

await main()
