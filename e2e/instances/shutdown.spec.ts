import { Agent, request as httpRequest } from 'node:http'
import { expect, test } from '@playwright/test'
import { ukDate } from '@/lib/dates'
import { distinctAddress } from '../api/api-requests'
import { fixtureToken } from '../support/fixtures'
import { fixtureClientId } from './cache-probe'
import { DatabaseProxy, mainPort, openRunDatabase, startInstance } from './servers'

// An instance stopped with SIGTERM while a request is in flight (its database's answers held back by the
// proxy, which only a test can do): readiness fails at once while liveness holds, new connections are
// refused only after the grace, the request in flight still completes, its usage reaches the database,
// and the process exits 0 (lib/http/shutdown.ts, docs/decisions/0021-metrics-and-shutdown.md).
test.describe.configure({ mode: 'serial' })

const proxy = new DatabaseProxy(Number(mainPort) + 8)
const metricsToken = 'e2e-only-metrics-token-0123456789abcdef'
const keepAlive = new Agent({ keepAlive: true, maxSockets: 4 })
let sql: ReturnType<typeof openRunDatabase>

test.beforeAll(async () => {
  sql = openRunDatabase()
  await proxy.start()
})
test.afterAll(async () => {
  keepAlive.destroy()
  await sql.end()
  await proxy.stop()
})

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** One GET with node:http, so that a refused connection shows as ECONNREFUSED and keep-alive is ours to choose. */
function get(origin: string, path: string, headers: Record<string, string> = {}, agent: Agent | false = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(`${origin}${path}`, { headers, agent }, (response) => {
      let body = ''
      response.on('data', (chunk: Buffer) => (body += chunk.toString()))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }))
      response.on('error', reject)
    })
    sent.on('error', reject)
    sent.end()
  })
}

async function storedSucceeded(clientId: string): Promise<number> {
  const [row] = await sql<Array<{ succeeded: string }>>`select succeeded from api_client_usage where client_id = ${clientId} and day = ${ukDate(new Date())}`
  return Number(row?.succeeded ?? 0)
}

/** A series' value in a /metrics scrape, or undefined when it is not there. */
function seriesValue(text: string, series: string): number | undefined {
  const line = text.split('\n').find((each) => each.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

test('SIGTERM: ready 503 at once, the request in flight completes, new connections refused after the grace, usage written, exit 0', async () => {
  const clientId = await fixtureClientId(sql, 'shutdown')
  const api = { Authorization: `Bearer ${fixtureToken('shutdown')}`, 'X-Forwarded-For': distinctAddress() }
  const scrape = { Authorization: `Bearer ${metricsToken}` }
  const before = await storedSucceeded(clientId)
  const instance = await startInstance(
    Number(mainPort) + 9,
    { DATABASE_URL: proxy.databaseUrl, SHUTDOWN_GRACE_SECONDS: '2', SHUTDOWN_TIMEOUT_SECONDS: '30', METRICS_TOKEN: metricsToken, LOG_LEVEL: 'info' },
    { captureOutput: true },
  )
  try {
    const { origin } = instance
    expect((await get(origin, '/api/health/ready')).status).toBe(200)
    // Over kept-alive connections, which must not keep the stopping process alive.
    for (let index = 0; index < 3; index += 1) expect((await get(origin, '/api/v1/providers?per_page=1', api, keepAlive)).status).toBe(200)

    proxy.hold()
    let settled = false
    const slow = get(origin, '/api/v1/providers?per_page=2', api).finally(() => (settled = true))
    // In flight: the scrape itself and the slow request, counted under its route pattern from the build's manifest.
    await expect.poll(async () => seriesValue((await get(origin, '/metrics', scrape)).body, 'rotp_http_requests_in_flight'), { timeout: 10_000 }).toBe(2)
    const metrics = (await get(origin, '/metrics', scrape)).body
    expect(seriesValue(metrics, 'rotp_http_requests_total{method="GET",route="/api/v1/providers",status="200"}')).toBe(3)

    instance.signal('SIGTERM')
    await expect.poll(async () => (await get(origin, '/api/health/ready')).status, { timeout: 5_000 }).toBe(503)
    const ready = await get(origin, '/api/health/ready')
    expect(ready.headers['content-type']).toBe('application/problem+json')
    expect(ready.headers['retry-after']).toBe('5')
    expect(JSON.parse(ready.body)).toMatchObject({ status: 503, title: 'Service Unavailable' })
    // Liveness holds: the process is well, only stopping. Each answer now closes its connection.
    const live = await get(origin, '/api/health', {}, keepAlive)
    expect(live.status).toBe(200)
    expect(live.headers.connection).toBe('close')
    expect(seriesValue((await get(origin, '/metrics', scrape)).body, 'rotp_shutting_down')).toBe(1)
    expect(settled).toBe(false)

    // After the grace the listening socket closes: new connections are refused while the request is still in flight.
    await expect
      .poll(async () => get(origin, '/api/health').then(() => 'answered', (error: NodeJS.ErrnoException) => error.code), { timeout: 15_000 })
      .toBe('ECONNREFUSED')
    expect(settled).toBe(false)

    proxy.release()
    const answer = await slow
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toHaveProperty('data')
    expect(await instance.exitCode).toBe(0)
    // The four successes reach the database by the shutdown's flush at the latest: none is lost.
    expect(await storedSucceeded(clientId)).toBe(before + 4)
    const [row] = await sql<Array<{ last_used_at: Date | null }>>`select last_used_at from api_clients where id = ${clientId}`
    expect(row?.last_used_at).not.toBeNull()

    const lines = instance.output().split('\n').filter((line) => line !== '')
    const messages = lines.map((line) => (JSON.parse(line) as { message: string }).message)
    expect(messages).toEqual(expect.arrayContaining(['shutdown: draining; readiness answers 503', 'shutdown: refusing new connections; waiting for requests in flight', 'shutdown: finished']))
  } finally {
    proxy.release()
    await instance.stop()
  }
})
