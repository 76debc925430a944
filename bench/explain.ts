// `npx tsx --conditions=react-server bench/explain.ts` (the condition lets lib/ modules import server-only): prints EXPLAIN (ANALYZE, BUFFERS) of the queries behind GET /api/v1/providers
// for the cases that stress the indexes, against DATABASE_URL (seed it first with `npm run db:seed --
// --providers 46656`). Read-only. bench/README.md records what it printed.
import postgres from 'postgres'
import { openDatabase } from '../db/client'
import { pageSlice } from '../lib/providers/page-slice'
import { providerChildQueries, providerCountQuery, providerPageQuery, type ProviderFilters } from '../lib/providers/queries'

type Case = { name: string; filters: ProviderFilters; page: number | 'last' | 'middle' }

const perPage = 100
const cases: Case[] = [
  { name: 'no filters, page 1', filters: {}, page: 1 },
  { name: 'no filters, last page', filters: {}, page: 'last' },
  { name: 'no filters, middle page (the dearest)', filters: {}, page: 'middle' },
  { name: 'changed_since a month ago, page 1', filters: { changedSince: new Date('2026-10-01T00:00:00Z') }, page: 1 },
  { name: 'changed_since 3 years ago, last page', filters: { changedSince: new Date('2023-11-01T00:00:00Z') }, page: 'last' },
  { name: 'academic_year 2026, page 1', filters: { academicYear: 2026 }, page: 1 },
  { name: 'academic_year 2026, middle page', filters: { academicYear: 2026 }, page: 'middle' },
  { name: 'academic_year 2019, page 1', filters: { academicYear: 2019 }, page: 1 },
  { name: 'provider_type scitt + accredited, page 1', filters: { providerType: 'scitt', accreditationStatus: 'accredited' }, page: 1 },
  { name: 'provider_type scitt + accredited, middle page', filters: { providerType: 'scitt', accreditationStatus: 'accredited' }, page: 'middle' },
  { name: 'provider_type other + accredited, last page', filters: { providerType: 'other', accreditationStatus: 'accredited' }, page: 'last' },
  { name: 'provider_type school, middle page', filters: { providerType: 'school' }, page: 'middle' },
  { name: 'accreditation_status unaccredited, middle page', filters: { accreditationStatus: 'unaccredited' }, page: 'middle' },
  {
    name: 'changed_since a year ago + provider_type hei, page 1',
    filters: { changedSince: new Date('2025-11-01T00:00:00Z'), providerType: 'hei' },
    page: 1,
  },
]

const url = process.env.DATABASE_URL
if (!url) throw new Error('Set DATABASE_URL to a PostgreSQL database seeded with the largest register')
const connection = await openDatabase({ url })
const raw = postgres(url, { max: 1, onnotice: () => {} })

type Built = { toSQL: () => { sql: string; params: unknown[] } }

// EXPLAIN_CASES=academic_year runs only the cases whose name contains it; EXPLAIN_RUNS sets the timed runs.
const only = process.env.EXPLAIN_CASES ?? ''
const runs = Number(process.env.EXPLAIN_RUNS ?? 9)

/**
 * Prints the query's plan with real row counts (EXPLAIN ANALYZE without per-node timing, which would inflate
 * nested loops), then the median of `runs` timed executions after one to warm the cache.
 */
async function explain(label: string, query: Built): Promise<void> {
  const { sql, params } = query.toSQL()
  const values = params as postgres.ParameterOrJSON<never>[]
  await raw.unsafe(sql, values)
  const times: number[] = []
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now()
    await raw.unsafe(sql, values)
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  // The fastest run is the least disturbed by whatever else the machine is doing; the median shows the spread.
  const [fastest = 0, median = 0] = [times[0], times[Math.floor(runs / 2)]]
  const plan = await raw.unsafe<{ 'QUERY PLAN': string }[]>(`explain (analyze, buffers, timing off) ${sql}`, values)
  // The child queries list 100 uuids; a plan line that long says nothing more.
  const lines = plan.map((row) => row['QUERY PLAN']).map((line) => (line.length > 160 ? `${line.slice(0, 157)}...` : line))
  const timing = `fastest ${fastest.toFixed(2)} ms, median ${median.toFixed(2)} ms of ${runs} runs, round trip included`
  console.info(`\n--- ${label}: ${timing}\n${lines.join('\n')}`)
}

try {
  const { db } = connection
  for (const { name, filters, page } of cases.filter((each) => each.name.includes(only))) {
    const [counted] = await providerCountQuery(db, filters)
    const total = counted?.total ?? 0
    const pages = Math.max(1, Math.ceil(total / perPage))
    const number = page === 'last' ? pages : page === 'middle' ? Math.ceil(pages / 2) : page
    const slice = pageSlice(total, number, perPage)
    console.info(`\n=== ${name}: page ${number} of ${pages} (${total} providers), ${JSON.stringify(slice)}`)
    await explain('count', providerCountQuery(db, filters))
    if (!slice) continue
    await explain('page', providerPageQuery(db, filters, slice))
    if (name !== cases[0]?.name) continue
    const rows = await providerPageQuery(db, filters, slice)
    const [accreditations, addresses, years] = providerChildQueries(
      db,
      rows.map((row) => row.id),
    )
    await explain('accreditations', accreditations)
    await explain('addresses', addresses)
    await explain('academic years', years)
  }
} finally {
  await raw.end()
  await connection.close()
}
