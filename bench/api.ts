// `npx tsx bench/api.ts [--skip-build]` (npm run bench:api): builds the app, seeds the largest register
// into a fresh PostgreSQL database, starts `next start` on loopback and measures the register API with
// autocannon. Stops by itself (about 3 minutes of load after the build and seed). See bench/README.md.
import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import autocannon, { type Result } from 'autocannon'
import { generateToken } from '../lib/tokens/format'
import { startBenchServer, watchMemory } from './server'

const port = Number(process.env.BENCH_PORT ?? 3600)
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rotp_bench'
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connectionCounts = [10, 50]
const log = (line: string) => console.info(line)

// Anything would do: the server only needs the pepper the token was hashed with.
const pepper = randomBytes(32).toString('hex')

type Case = { name: string; path: string; token?: 'valid' | 'invalid'; expect2xx: boolean }

function cases(liveProviders: number): Case[] {
  const pages = Math.ceil(liveProviders / 100)
  const onLast = liveProviders - (pages - 1) * 100
  // There is no page 900 (bench/README.md): 46,656 providers at 100 a page have fewer pages. The last page
  // may be short, so the one before it (a full page read from the far end) is the deep page the target
  // compares with page 1.
  const page = (number: number, label: string): Case => ({
    name: `providers page ${number} (${label})`,
    path: `/api/v1/providers?per_page=100&page=${number}`,
    token: 'valid',
    expect2xx: true,
  })
  return [
    { name: 'GET /api/health', path: '/api/health', expect2xx: true },
    { name: 'GET /api/v1/info', path: '/api/v1/info', token: 'valid', expect2xx: true },
    { name: 'providers page 1', path: '/api/v1/providers?per_page=100', token: 'valid', expect2xx: true },
    page(pages - 1, 'deep'),
    page(pages, `last, ${onLast} providers`),
    page(Math.ceil(pages / 2), 'middle'),
    { name: 'providers changed_since', path: '/api/v1/providers?per_page=100&changed_since=2026-10-01T00:00:00Z', token: 'valid', expect2xx: true },
    { name: 'GET /api/v1/info, unknown token', path: '/api/v1/info', token: 'invalid', expect2xx: false },
  ]
}

type Row = { name: string; connections: number; rps: number; p50: number; p99: number; non2xx: number; errors: number; expect2xx: boolean }

function rowOf(test: Case, connections: number, result: Result): Row {
  const { name, expect2xx } = test
  const rps = result.requests.average
  return {
    name,
    connections,
    rps,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    expect2xx,
  }
}

function table(rows: Row[]): string {
  const head = '| case | connections | requests/s | p50 ms | p99 ms | non-2xx | errors |\n|---|---:|---:|---:|---:|---:|---:|'
  const lines = rows.map(
    (row) => `| ${row.name} | ${row.connections} | ${Math.round(row.rps)} | ${row.p50} | ${row.p99} | ${row.non2xx} | ${row.errors} |`,
  )
  return [head, ...lines].join('\n')
}

function verdicts(rows: Row[]): string[] {
  return connectionCounts.flatMap((connections) => {
    const find = (test: (name: string) => boolean) => rows.find((row) => row.connections === connections && test(row.name))
    const health = find((name) => name === 'GET /api/health')
    const info = find((name) => name === 'GET /api/v1/info')
    const first = find((name) => name === 'providers page 1')
    const deep = find((name) => name.endsWith('(deep)'))
    if (!health || !info || !first || !deep) return []
    const ratio = info.rps / health.rps
    const slower = deep.p50 / Math.max(first.p50, 1)
    return [
      `${connections} connections: /api/v1/info at ${(ratio * 100).toFixed(0)}% of /api/health throughput (target ≥ 90%): ${ratio >= 0.9 ? 'met' : 'NOT met'}`,
      `${connections} connections: deep page p50 ${slower.toFixed(2)}× page 1 (target ≤ 1.5×): ${slower <= 1.5 ? 'met' : 'NOT met'}`,
    ]
  })
}

async function main(): Promise<void> {
  const started = Date.now()
  const { database, server } = await startBenchServer(port, databaseUrl, pepper, log)
  const memory = watchMemory(server.child.pid ?? 0)
  const rows: Row[] = []
  try {
    const tokens = { valid: database.token, invalid: generateToken('test').plaintext }
    const all = cases(database.liveProviders)
    const headersFor = (test: Case): Record<string, string> => (test.token ? { authorization: `Bearer ${tokens[test.token]}` } : {})
    // Warm up: compiled routes, the connection pool and the token cache, as on a server that has been up a while.
    for (const test of all) await autocannon({ url: `${server.origin}${test.path}`, connections: 10, duration: 2, headers: headersFor(test) })
    // All cases at one concurrency, then the next: cases that are compared run close together in time.
    for (const connections of connectionCounts) {
      for (const test of all) {
        const result = await autocannon({
          url: `${server.origin}${test.path}`,
          connections,
          duration: seconds,
          headers: headersFor(test),
          title: test.name,
        })
        const row = rowOf(test, connections, result)
        rows.push(row)
        log(`${test.name}, ${connections} connections: ${Math.round(row.rps)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, non-2xx ${row.non2xx}`)
      }
    }
  } finally {
    memory.stop()
    const peak = memory.peakMb()
    await server.stop()
    const failures = rows.filter((row) => row.expect2xx && (row.non2xx > 0 || row.errors > 0))
    const report = [
      `${database.liveProviders.toLocaleString('en-GB')} live providers; ${seconds} s per case after a 2 s warm-up; load average at the end ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
      '',
      table(rows),
      '',
      `Peak resident memory of the server (VmHWM): ${peak.toFixed(0)} MB`,
      ...verdicts(rows),
      failures.length === 0
        ? 'No non-2xx responses or errors for valid tokens.'
        : `Non-2xx or errors for valid tokens in: ${failures.map((row) => row.name).join(', ')}`,
      `Took ${Math.round((Date.now() - started) / 1000)} s.`,
    ].join('\n')
    console.info(`\n${report}`)
    mkdirSync('bench/results', { recursive: true })
    writeFileSync(`bench/results/api-${new Date().toISOString().replaceAll(':', '-')}.md`, `${report}\n`)
  }
}

await main()
