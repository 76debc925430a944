// `npx tsx bench/sync.ts [--skip-build]` (npm run bench:sync): the first sync of the largest register through the
// change feed against paging GET /api/v1/providers the same way, then idle polls of the feed with and without
// If-None-Match against /api/health, all in one run on one server. See bench/README.md.
import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import autocannon from 'autocannon'
import { startBenchServer } from './server'

const port = Number(process.env.BENCH_PORT ?? 3600)
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rotp_sync_bench'
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const perPage = 500
const log = (line: string) => console.info(line)
const pepper = randomBytes(32).toString('hex')

type Sync = { name: string; requests: number; providers: number; entries: number; bytes: number; seconds: number }

/** Follows a list to its end, one request at a time as a client would; counts what it got. */
async function sync(
  name: string,
  origin: string,
  token: string,
  first: string,
  next: (body: Record<string, unknown>) => string | null,
): Promise<Sync> {
  const started = performance.now()
  let path: string | null = first
  const result: Sync = { name, requests: 0, providers: 0, entries: 0, bytes: 0, seconds: 0 }
  while (path) {
    const response = await fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${token}` } })
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
    const text = await response.text()
    const body = JSON.parse(text) as { data: { change?: string }[] } & Record<string, unknown>
    result.requests += 1
    result.bytes += text.length
    result.entries += body.data.length
    result.providers += body.data.filter((entry) => entry.change !== 'removed').length
    path = next(body)
  }
  result.seconds = (performance.now() - started) / 1000
  return result
}

type Feed = { links: { next: string }; meta: { has_more: boolean; next_cursor: string } }
type Pages = { links: { next: string | null } }

const feedSync = (origin: string, token: string) =>
  sync('change feed', origin, token, `/api/v1/providers/changes?per_page=${perPage}`, (body) => {
    const page = body as unknown as Feed
    return page.meta.has_more ? page.links.next : null
  })
const pagesSync = (origin: string, token: string) =>
  sync('GET /api/v1/providers pages', origin, token, `/api/v1/providers?per_page=${perPage}`, (body) => (body as unknown as Pages).links.next)

async function main(): Promise<void> {
  const started = Date.now()
  const { database, server } = await startBenchServer(port, databaseUrl, pepper, log)
  const lines: string[] = []
  try {
    const { origin } = server
    const token = database.token
    // Warm up the routes, the pool and the token cache.
    await fetch(`${origin}/api/v1/providers/changes?per_page=${perPage}`, { headers: { authorization: `Bearer ${token}` } })
    await fetch(`${origin}/api/v1/providers?per_page=${perPage}`, { headers: { authorization: `Bearer ${token}` } })
    // Twice each, alternating, so that both see the same machine.
    const syncs: Sync[] = []
    for (let run = 0; run < 2; run += 1) {
      syncs.push(await feedSync(origin, token))
      log(JSON.stringify(syncs.at(-1)))
      syncs.push(await pagesSync(origin, token))
      log(JSON.stringify(syncs.at(-1)))
    }
    // The idle poll: the cursor a caught-up client holds, and the ETag of the answer it last got.
    let cursorPath = `/api/v1/providers/changes?per_page=${perPage}`
    for (;;) {
      const page = (await (await fetch(`${origin}${cursorPath}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Feed
      cursorPath = page.links.next
      if (!page.meta.has_more) break
    }
    const idle = await fetch(`${origin}${cursorPath}`, { headers: { authorization: `Bearer ${token}` } })
    const etag = idle.headers.get('etag') ?? ''
    const idleBytes = (await idle.text()).length
    const polls: { name: string; path: string; headers: Record<string, string> }[] = [
      { name: 'GET /api/health', path: '/api/health', headers: {} },
      { name: 'idle feed poll', path: cursorPath, headers: { authorization: `Bearer ${token}` } },
      { name: 'idle feed poll, If-None-Match (304)', path: cursorPath, headers: { authorization: `Bearer ${token}`, 'if-none-match': etag } },
    ]
    for (const poll of polls) await autocannon({ url: `${origin}${poll.path}`, connections: 10, duration: 2, headers: poll.headers })
    const pollRows: string[] = []
    for (const poll of polls) {
      const result = await autocannon({ url: `${origin}${poll.path}`, connections: 10, duration: seconds, headers: poll.headers, title: poll.name })
      const codes = Object.entries(result.statusCodeStats)
        .map(([code, { count }]) => `${code}×${count}`)
        .join(' ')
      pollRows.push(`| ${poll.name} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${codes} |`)
      log(pollRows.at(-1) ?? '')
    }
    const syncRows = syncs.map(
      (run) =>
        `| ${run.name} | ${run.requests} | ${run.providers.toLocaleString('en-GB')} | ${run.entries.toLocaleString('en-GB')} | ${(run.bytes / 1e6).toFixed(1)} | ${run.seconds.toFixed(1)} | ${Math.round(run.providers / run.seconds).toLocaleString('en-GB')} |`,
    )
    lines.push(
      `${database.liveProviders.toLocaleString('en-GB')} live providers; per_page ${perPage}; ${seconds} s per poll case at 10 connections after a 2 s warm-up; load average at the end ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
      '',
      '| first sync | requests | providers | entries | MB | seconds | providers/s |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...syncRows,
      '',
      `Idle feed poll body: ${idleBytes} bytes (the 304 has none).`,
      '',
      '| poll | requests/s | p50 ms | p99 ms | statuses |',
      '|---|---:|---:|---:|---|',
      ...pollRows,
      '',
      `Took ${Math.round((Date.now() - started) / 1000)} s.`,
    )
  } finally {
    await server.stop()
  }
  const report = lines.join('\n')
  console.info(`\n${report}`)
  mkdirSync('bench/results', { recursive: true })
  writeFileSync(`bench/results/sync-${new Date().toISOString().replaceAll(':', '-')}.md`, `${report}\n`)
}

await main()
