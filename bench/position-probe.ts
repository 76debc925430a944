// `npx tsx bench/position-probe.ts`: what one register-position probe (lib/providers/register-position.ts) costs
// this process, in CPU and wall time, against the same probe through Drizzle's query builder (LIMIT $1), which it
// replaced. Every register API request that serves register data waits for a probe (shared under load). Uses the
// database bench/api.ts leaves (DATABASE_URL, default rotp_bench_2k); rounds alternate so drift falls on both.
import { desc, sql } from 'drizzle-orm'
import { openDatabase } from '../db/client'
import { providerChanges } from '../db/schema'
import { readRegisterPosition } from '../lib/providers/register-position'

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rotp_bench_2k'
const runs = Number(process.env.BENCH_RUNS ?? 3_000)
const connection = await openDatabase({ url, maxConnections: 1, queryTimeoutMs: 10_000 })

const throughBuilder = () =>
  connection.db
    .select({
      key: sql<string>`${providerChanges.xid}::text || ':' || ${providerChanges.seq}::text`,
      settled: sql<boolean>`${providerChanges.xid} < pg_snapshot_xmin(pg_current_snapshot())`,
    })
    .from(providerChanges)
    .orderBy(desc(providerChanges.xid), desc(providerChanges.seq))
    .limit(1)

const forms = [
  { name: 'one statement, no parameters (served)', probe: () => readRegisterPosition(connection.db) },
  { name: 'query builder, LIMIT $1 (before)', probe: throughBuilder },
]
const results = new Map<string, { cpu: number[]; wall: number[] }>(forms.map((form) => [form.name, { cpu: [], wall: [] }]))
try {
  for (let round = 0; round < 4; round += 1) {
    for (const form of round % 2 === 0 ? forms : [...forms].reverse()) {
      for (let index = 0; index < 300; index += 1) await form.probe()
      const cpu = process.cpuUsage()
      const started = performance.now()
      for (let index = 0; index < runs; index += 1) await form.probe()
      const used = process.cpuUsage(cpu)
      const result = results.get(form.name)
      result?.cpu.push((used.user + used.system) / runs)
      result?.wall.push(((performance.now() - started) * 1_000) / runs)
    }
  }
} finally {
  await connection.close()
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
console.info(`Register-position probe, ${runs.toLocaleString('en-GB')} runs × 4 rounds, one connection, Node ${process.version}`)
for (const [name, { cpu, wall }] of results) console.info(`- ${name}: ${median(cpu).toFixed(0)} µs CPU, ${median(wall).toFixed(0)} µs wall (medians of rounds)`)
