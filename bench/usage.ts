// `npx tsx bench/usage.ts [--skip-build | --in-process]` (npm run bench:usage): what counting usage costs a request. Builds
// and seeds as bench/api.ts does, then measures GET /api/v1/info with counting on and off
// (API_USAGE_COUNTING), restarting `next start` between rounds in the order on, off, off, on, … so that a
// drift in the machine's load falls on both alike. See bench/README.md.
import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import autocannon from 'autocannon'
import postgres from 'postgres'
import { newCountLedger, noteOutcome } from '../lib/usage/counts'
import { usageOf } from '../lib/usage/outcome'
import { benchServerEnvironment, startBenchServer, startServer, type BenchServer } from './server'

const port = Number(process.env.BENCH_PORT ?? 3600)
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rotp_bench'
const seconds = Number(process.env.BENCH_SECONDS ?? 8)
const connections = 10
const order = [true, false, false, true, true, false, false, true]
const log = (line: string) => console.info(line)
const pepper = randomBytes(32).toString('hex')

type Round = { counting: boolean; rps: number; p50: number; p99: number; sent: number; non2xx: number }

async function measure(server: BenchServer, token: string, counting: boolean): Promise<Round> {
  const options = { url: `${server.origin}/api/v1/info`, connections, headers: { authorization: `Bearer ${token}` } }
  // Warm up: compiled route, connection pool, token cache.
  const warm = await autocannon({ ...options, duration: 2 })
  const result = await autocannon({ ...options, duration: seconds })
  const sent = warm.requests.total + result.requests.total
  return { counting, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, sent, non2xx: result.non2xx }
}

/**
 * The counting itself, in this process, free of HTTP and of the machine's other load as far as one core
 * allows: what the route wrapper adds to a request (usageOf and noteOutcome, 100 clients, the clock moving
 * 1 ms a request), as the median of 7 runs of 1,000,000, less the same loop without them.
 */
// Where the bare loop leaves its work, so that it is not optimised away; printed with the figures.
let kept = 0

function inProcessNanoseconds(): number {
  const ids = Array.from({ length: 100 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`)
  const count = 1_000_000
  const startMs = Date.parse('2026-12-01T12:00:00Z')
  const run = (counting: boolean) => {
    const ledger = newCountLedger()
    let sink = 0
    const started = process.hrtime.bigint()
    for (let index = 0; index < count; index += 1) {
      const admission = { outcome: 'admitted' as const, client: { id: ids[index % ids.length] ?? '' } }
      if (!counting) {
        sink += admission.client.id.length
        continue
      }
      const usage = usageOf(admission)
      if (usage) noteOutcome(ledger, usage.clientId, usage.outcome, startMs + index)
    }
    kept += sink
    return Number(process.hrtime.bigint() - started) / count
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
  const samples = Array.from({ length: 7 }, () => run(true) - run(false))
  return median(samples)
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1)

async function main(): Promise<void> {
  const started = Date.now()
  const nanoseconds = inProcessNanoseconds()
  log(`In process: counting costs ${nanoseconds.toFixed(0)} ns a request (bare loop checksum ${kept})`)
  if (process.argv.includes('--in-process')) return
  const first = await startBenchServer(port, databaseUrl, pepper, log)
  let server: BenchServer | undefined = first.server
  const rounds: Round[] = []
  try {
    for (const [index, counting] of order.entries()) {
      // The first round runs on the server startBenchServer started (counting on, the default).
      if (index > 0 || !counting) {
        await server?.stop()
        server = await startServer(port, { ...benchServerEnvironment(port, first.database.url, pepper), API_USAGE_COUNTING: String(counting) })
      }
      if (!server) throw new Error('no server')
      const round = await measure(server, first.database.token, counting)
      rounds.push(round)
      log(`counting ${counting ? 'on ' : 'off'}: ${Math.round(round.rps)} req/s, p50 ${round.p50} ms, p99 ${round.p99} ms`)
    }
  } finally {
    await server?.stop()
  }
  // Every counted request is in the database once the last server has stopped (its SIGTERM flush).
  const sql = postgres(first.database.url, { max: 1, onnotice: () => {} })
  const [stored] = await sql<Array<{ total: string | null }>>`select sum(succeeded + rate_limited + refused)::text as total from api_client_usage`
  await sql.end()
  const on = rounds.filter((round) => round.counting)
  const off = rounds.filter((round) => !round.counting)
  const sentWhileCounting = on.reduce((sum, round) => sum + round.sent, 0)
  const [rpsOn, rpsOff] = [mean(on.map((round) => round.rps)), mean(off.map((round) => round.rps))]
  const costUs = (1 / rpsOn - 1 / rpsOff) * connections * 1e6
  const report = [
    `GET /api/v1/info at ${connections} connections, ${seconds} s a round after a 2 s warm-up, ${rounds.length} rounds (on, off, off, on, …); load average at the end ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
    '',
    '| round | counting | requests/s | p50 ms | p99 ms | non-2xx |',
    '|---:|---|---:|---:|---:|---:|',
    ...rounds.map((round, index) => `| ${index + 1} | ${round.counting ? 'on' : 'off'} | ${Math.round(round.rps)} | ${round.p50} | ${round.p99} | ${round.non2xx} |`),
    '',
    `In process: usageOf and noteOutcome cost ${nanoseconds.toFixed(0)} ns a request (median of 7 runs of 1,000,000, less the bare loop).`,
    `Mean: ${Math.round(rpsOn)} req/s counting, ${Math.round(rpsOff)} req/s not (${(((rpsOn - rpsOff) / rpsOff) * 100).toFixed(1)}%).`,
    `Per request, at ${connections} connections: ${costUs.toFixed(0)} µs of wall time (${connections} ÷ throughput, on minus off).`,
    `Responses autocannon saw while counting (warm-ups included): ${sentWhileCounting.toLocaleString('en-GB')}; counted in api_client_usage: ${Number(stored?.total ?? 0).toLocaleString('en-GB')} (up to ${2 * connections} a round more: requests in flight when the warm-up or the measurement ends are served, and counted, but not seen by autocannon).`,
    `Took ${Math.round((Date.now() - started) / 1000)} s.`,
  ].join('\n')
  console.info(`\n${report}`)
  mkdirSync('bench/results', { recursive: true })
  writeFileSync(`bench/results/usage-${new Date().toISOString().replaceAll(':', '-')}.md`, `${report}\n`)
}

await main()
