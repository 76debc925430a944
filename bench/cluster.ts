// `npx tsx bench/cluster.ts` (npm run bench:cluster): the production shape of e2e/cluster/harness.ts (HAProxy,
// PgBouncer in transaction mode, Redis, the harness's own PostgreSQL) measured with 1, 2 and 3 instances, then
// how long a revoke takes to reach every instance, then what prepare:false costs on PostgreSQL itself.
// Needs a production build for E2E_PORT (E2E_PORT=3500 npm run build). See bench/README.md.
import { existsSync } from 'node:fs'
import { loadavg } from 'node:os'
import autocannon from 'autocannon'
import { Cluster } from '../e2e/cluster/harness'
import { buildPort } from '../e2e/cluster/instances'
import { measurePrepareCost } from './cluster-prepare'
import { measureRevocations } from './cluster-revocations'

const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10)
const log = (line: string) => console.info(line)

const distDir = buildPort === '3100' ? '.next' : `.next-${buildPort}`
if (!existsSync(`${distDir}/BUILD_ID`)) {
  console.error(`No production build in ${distDir}: run E2E_PORT=${buildPort} npm run build first.`)
  process.exit(1)
}
process.env.TEST_REDIS_URL ??= 'redis://127.0.0.1:6379'

// The limiter must not turn the load away: every request comes from one address with one token.
// The service's default query timeout, not the tests' short one: a busy machine's slow page should be slow, not a 503.
const cluster = new Cluster(3, {
  RATE_LIMIT_PER_CLIENT: '1000000000',
  RATE_LIMIT_PER_IP: '1000000000',
  LOG_LEVEL: 'warn',
  DATABASE_QUERY_TIMEOUT_MS: '10000',
})
const cases = [
  { name: 'GET /api/v1/info', path: '/api/v1/info' },
  { name: 'providers page 1', path: '/api/v1/providers?per_page=100' },
]

/** Puts the first `count` instances in HAProxy's rotation and takes the others out. */
async function rotateInstances(count: number): Promise<void> {
  for (const [index, instance] of cluster.instances.entries()) {
    await cluster.haproxy(`set server instances/${instance.name} state ${index < count ? 'ready' : 'maint'}`)
  }
  await cluster.waitUntilServing(cluster.instances.slice(0, count).map((instance) => instance.name))
}

async function throughput(): Promise<void> {
  const headers = { authorization: `Bearer ${cluster.token('active-1')}`, 'x-forwarded-for': '2001:db8::1' }
  log(`\n| instances | case | req/s | p50 ms | p99 ms | non-2xx | errors |\n|---|---|---|---|---|---|---|`)
  for (const count of [1, 2, 3]) {
    // An instance that fails its readiness check under this load is out of rotation: say so, and go on.
    const ready = await rotateInstances(count).then(
      () => true,
      (error: unknown) => log(`| ${count} | (not all in rotation: ${error instanceof Error ? error.message : String(error)}) | | | | | |`),
    )
    if (ready === undefined) continue
    for (const test of cases) {
      const url = `${cluster.origin}${test.path}`
      await autocannon({ url, connections, duration: 2, headers })
      const result = await autocannon({ url, connections, duration: seconds, headers })
      const errors = result.errors + result.timeouts
      log(
        `| ${count} | ${test.name} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${result.non2xx} | ${errors} |`,
      )
    }
  }
}

try {
  log(
    `bench:cluster: ${connections} connections, ${seconds} s a case, load average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  )
  await cluster.start()
  await throughput()
  await rotateInstances(3)
  const revocations = await measureRevocations(cluster, 100)
  log(
    `\nRevoke commit → every instance refuses (${revocations.count} revokes, 3 instances): p50 ${revocations.p50.toFixed(1)} ms, p99 ${revocations.p99.toFixed(1)} ms, max ${revocations.max.toFixed(1)} ms`,
  )
  const prepare = await measurePrepareCost(cluster.directUrl, 5_000)
  log(
    `\nToken lookup on PostgreSQL directly, ${prepare.queries} queries one after another: prepared ${prepare.preparedUs.toFixed(0)} µs, unnamed (prepare:false) ${prepare.unnamedUs.toFixed(0)} µs a query (${prepare.changePercent.toFixed(1)}%)`,
  )
  log(
    `load average at the end ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  )
} finally {
  await cluster.stop()
}
