import { expect, test } from '@playwright/test'
import postgres from 'postgres'
import { revokeThroughStaffPages } from '../api/staff-pages'
import { Cluster } from './harness'
import { Load, statusCounts } from './load'
import { askEveryInstance, bypassesCache, expectEveryInstanceCaches, fixtureClientId, info } from './probes'
import { waitFor } from './processes'

// The production shape (docs/deployment.md): HAProxy, three instances, PgBouncer in transaction mode, Redis.
// One harness for every test, which therefore run in order; each test uses fixture clients of its own.
test.describe.configure({ mode: 'serial' })

const cluster = new Cluster(3)
const names = ['app1', 'app2', 'app3']
let sql: postgres.Sql

test.use({ baseURL: cluster.origin })

test.beforeAll(async () => {
  test.setTimeout(360_000)
  await cluster.start()
  sql = postgres(cluster.directUrl, { max: 2, onnotice: () => {} })
})
test.afterAll(async () => {
  await sql?.end()
  await cluster.stop()
})

test('each instance confirms its LISTEN by hearing its own test notification', async () => {
  // An instance starts listening when it first verifies a token.
  await askEveryInstance(cluster.origin, cluster.token('active-12'), names)
  for (const instance of cluster.instances) {
    await waitFor(async () => instance.log().includes('listening for API client changes'), `${instance.name} should confirm its LISTEN`, 10_000)
    expect(instance.log(), instance.name).not.toContain('DATABASE_DIRECT_URL')
  }
})

test('a revoke through one instance is refused on the very next request, whichever instance serves it', async ({ page }) => {
  const token = cluster.token('active-1')
  const id = await fixtureClientId(sql, 'active-1')
  const name = await expectEveryInstanceCaches(sql, cluster.origin, id, token, names)

  await revokeThroughStaffPages(page, name)

  const answers = await askEveryInstance(cluster.origin, token, names)
  expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 401))
})

test('with one instance’s listener cut, that instance reads the database, and a revoke is still refused everywhere', async ({ page }) => {
  const token = cluster.token('active-2')
  const id = await fixtureClientId(sql, 'active-2')
  await expectEveryInstanceCaches(sql, cluster.origin, id, token, names)
  const [first] = cluster.instances
  if (!first) throw new Error('no instance')

  await cluster.forwarders[0]?.cut()
  await waitFor(() => bypassesCache(sql, first.origin, id, token), 'app1 should stop trusting its cache once its listener is cut', 10_000)
  // Still cut: it keeps reading the database rather than a cache that could be stale.
  expect(await bypassesCache(sql, first.origin, id, token)).toBe(true)
  const [row] = await sql<Array<{ name: string }>>`select name from api_clients where id = ${id}`
  await revokeThroughStaffPages(page, row?.name ?? '')

  expect((await info(first.origin, token)).status).toBe(401)
  const answers = await askEveryInstance(cluster.origin, token, names)
  expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 401))
  const other = { id: await fixtureClientId(sql, 'active-12'), token: cluster.token('active-12') }
  await cluster.forwarders[0]?.start()
  await waitFor(async () => !(await bypassesCache(sql, first.origin, other.id, other.token)), 'app1 should listen again', 20_000)
})

test('rate limits are shared: 300 requests a minute for a client across all three instances, not 300 each', async () => {
  const token = cluster.token('active-3')
  const served = new Set<string>()
  for (let batch = 0; batch < 30; batch += 1) {
    const answers = await Promise.all(Array.from({ length: 10 }, () => info(cluster.origin, token)))
    for (const answer of answers) {
      expect(answer.status).toBe(200)
      served.add(answer.servedBy)
    }
  }
  expect([...served].sort()).toEqual(names)
  const refused = await askEveryInstance(cluster.origin, token, names)
  expect(refused.map((answer) => answer.status)).toEqual(refused.map(() => 429))
})

test('an instance whose LISTEN goes through PgBouncer warns, naming DATABASE_DIRECT_URL, and never trusts its cache', async () => {
  const token = cluster.token('active-11')
  const id = await fixtureClientId(sql, 'active-11')
  const misconfigured = cluster.extraInstance('app4', 4113, {
    // A pooler and no direct URL: what a deployment that only knew about DATABASE_URL would run.
    DATABASE_DIRECT_URL: cluster.pooledUrl,
    DATABASE_POOLED: 'true',
    REDIS_URL: process.env.TEST_REDIS_URL ?? '',
  })
  try {
    await misconfigured.start()
    // Its first token check starts its listener, which then waits in vain for its own notification.
    expect(await bypassesCache(sql, misconfigured.origin, id, token)).toBe(true)
    await waitFor(async () => misconfigured.log().includes('DATABASE_DIRECT_URL'), 'app4 should warn that LISTEN is not confirmed', 15_000)
    for (let round = 0; round < 5; round += 1) expect(await bypassesCache(sql, misconfigured.origin, id, token)).toBe(true)
    expect(misconfigured.log()).not.toContain('listening for API client changes')
  } finally {
    await misconfigured.stop('SIGKILL')
  }
})

test('kill -9 of an instance under load: HAProxy routes around it, a revoked token is never accepted, the revoke is in history', async ({ page }) => {
  // Starting the killed instance again is most of it, and slow on a busy machine.
  test.setTimeout(180_000)
  const revoked = cluster.token('active-5')
  const id = await fixtureClientId(sql, 'active-5')
  const name = await expectEveryInstanceCaches(sql, cluster.origin, id, revoked, names)
  const load = new Load(cluster.origin, [cluster.token('active-4'), revoked]).start()
  await new Promise((done) => setTimeout(done, 1_000))

  const victim = cluster.instances[1]
  const killedAt = Date.now()
  await victim?.stop('SIGKILL')
  await revokeThroughStaffPages(page, name)
  const committedAt = Date.now()
  await new Promise((done) => setTimeout(done, 2_000))
  const outcomes = await load.stop()

  const afterCommit = outcomes.filter((outcome) => outcome.token === revoked && outcome.startedAt > committedAt)
  expect(afterCommit.length).toBeGreaterThan(0)
  expect(afterCommit.filter((outcome) => outcome.status === 200)).toEqual([])
  const settled = outcomes.filter((outcome) => outcome.startedAt > killedAt + 2_000)
  expect(settled.filter((outcome) => outcome.servedBy === 'app2')).toEqual([])
  // A request whose answer had begun on the killed instance cannot be replayed elsewhere: only those in flight as
  // it died (before HAProxy's next check, 500 ms) may fail, one a worker at most; none may be a 500.
  const failed = outcomes.filter((outcome) => outcome.status >= 500 || outcome.status === 0)
  expect(failed.filter((outcome) => outcome.status === 500 || outcome.startedAt > killedAt + 1_000)).toEqual([])
  expect(failed.length).toBeLessThanOrEqual(2)
  test.info().annotations.push({ type: 'failed in flight at kill -9', description: String(failed.length) })
  const history = await sql<Array<{ action: string }>>`select action from revisions where entity_id = ${id} order by revision_number`
  expect(history.map((row) => row.action)).toContain('revoked')

  await victim?.start()
  await cluster.waitUntilServing(names)
})

test('PostgreSQL restarted under load: 503 with Retry-After while it is down, never a 500, and service again without restarting an instance', async () => {
  test.setTimeout(180_000)
  const token = cluster.token('active-9')
  const pids = cluster.instances.map((instance) => instance.pid)
  const load = new Load(cluster.origin, [token, cluster.token('active-10')]).start()
  await new Promise((done) => setTimeout(done, 1_000))

  cluster.postgres.stop()
  const stoppedAt = Date.now()
  await waitFor(
    async () => load.outcomes.some((outcome) => outcome.startedAt > stoppedAt && outcome.status === 503),
    'no 503 while PostgreSQL was down',
    20_000,
  )
  await new Promise((done) => setTimeout(done, 2_000))
  cluster.postgres.start()
  await waitFor(async () => (await info(cluster.origin, token)).status === 200, 'the service did not recover once PostgreSQL was back', 60_000)
  await new Promise((done) => setTimeout(done, 2_000))
  const outcomes = await load.stop()

  expect(Object.keys(statusCounts(outcomes)).sort()).toEqual(['200', '503'])
  expect(outcomes.filter((outcome) => outcome.status === 503 && outcome.retryAfter === undefined)).toEqual([])
  expect(outcomes.at(-1)?.status).toBe(200)
  expect(cluster.instances.map((instance) => instance.pid)).toEqual(pids)
})

// Last: it needs the ordered shutdown on SIGTERM (lib/http/shutdown.ts); without it the instance exits 143 at once.
test('a rolling restart (SIGTERM each instance in turn, start it again) under load fails no request', async () => {
  test.setTimeout(360_000)
  const tokens = ['active-6', 'active-7', 'active-8', 'active-12'].map((key) => cluster.token(key))
  const load = new Load(cluster.origin, tokens).start()
  for (const instance of cluster.instances) {
    expect(await instance.stop('SIGTERM'), `${instance.name} should exit 0 after draining`).toBe(0)
    await instance.start()
    await cluster.waitUntilServing(names)
  }
  const outcomes = await load.stop()
  expect(outcomes.length).toBeGreaterThan(50)
  expect(statusCounts(outcomes)).toEqual({ 200: outcomes.length })
})
