import { expect, test, type APIRequestContext } from '@playwright/test'
import { distinctAddress } from '../api/api-requests'
import { fixtureToken } from '../support/fixtures'
import { DatabaseProxy, mainPort, startInstance } from './servers'

// An instance whose database stops answering without closing its connections (a black-holed network, a
// frozen server): every request must still get a response, 503 with Retry-After, within a bound
// (db/deadlines.ts, docs/decisions/0013). Before the deadlines, such requests waited for ever.
test.describe.configure({ mode: 'serial' })

const proxy = new DatabaseProxy(Number(mainPort) + 4)
let instance: Awaited<ReturnType<typeof startInstance>>
const token = fixtureToken('active-12')
// A short deadline so the test is quick: statement_timeout 1 s, a query given up on after 3 s.
const queryTimeoutMs = 1_000
const bound = 8_000

test.beforeAll(async () => {
  await proxy.start()
  instance = await startInstance(Number(mainPort) + 5, { DATABASE_URL: proxy.databaseUrl, DATABASE_QUERY_TIMEOUT_MS: String(queryTimeoutMs) })
})
test.afterAll(async () => {
  await instance?.stop()
  await proxy.stop()
})

function providers(request: APIRequestContext, address: string) {
  return request.get(`${instance.origin}/api/v1/providers?per_page=5`, {
    headers: { Authorization: `Bearer ${token}`, 'X-Forwarded-For': address },
    // Far beyond the bound: a request that never answers fails here, not by hanging the run.
    timeout: 30_000,
  })
}

test('while the database answers nothing, every request ends with a 503 and Retry-After within the bound', async ({ request }) => {
  const address = distinctAddress()
  expect((await providers(request, address)).status()).toBe(200)

  proxy.stall()
  const started = Date.now()
  const answers = await Promise.all(
    Array.from({ length: 16 }, async () => {
      const response = await providers(request, address)
      return { status: response.status(), retryAfter: response.headers()['retry-after'], took: Date.now() - started }
    }),
  )
  const ready = await request.get(`${instance.origin}/api/health/ready`, { timeout: 30_000 })
  for (const answer of answers) {
    expect(answer.status).toBe(503)
    expect(answer.retryAfter).toBe('5')
    expect(answer.took).toBeLessThan(bound)
  }
  expect(ready.status()).toBe(503)
  console.info(`stalled database: ${answers.length} requests answered 503 in at most ${Math.max(...answers.map((answer) => answer.took))} ms`)

  proxy.unstall()
  await expect.poll(async () => (await providers(request, address)).status(), { timeout: 20_000 }).toBe(200)
})
