import { expect, test } from '@playwright/test'
import { ukDate } from '@/lib/dates'
import { distinctAddress, getInfo, sendMany } from '../api/api-requests'
import { e2eDatabaseUrl } from '../support/environment'
import { fixtureToken } from '../support/fixtures'
import { fixtureClientId } from './cache-probe'
import { mainPort, openRunDatabase, secondOrigin, startInstance } from './servers'

// Three instances on one database count one client's requests, each in memory, and add them to the same
// rows (docs/product/api-clients.md#usage): the totals must be exact, and an instance stopped with SIGTERM
// must write what it had not written yet before it exits.
let sql: ReturnType<typeof openRunDatabase>
test.beforeAll(() => {
  sql = openRunDatabase()
})
test.afterAll(async () => {
  await sql.end()
})

type Counts = { succeeded: number; rateLimited: number; refused: number }

async function storedUsage(clientId: string): Promise<Counts> {
  const rows = await sql<Array<{ succeeded: string; rate_limited: string; refused: string }>>`
    select succeeded, rate_limited, refused from api_client_usage where client_id = ${clientId} and day = ${ukDate(new Date())}`
  const [row] = rows
  return { succeeded: Number(row?.succeeded ?? 0), rateLimited: Number(row?.rate_limited ?? 0), refused: Number(row?.refused ?? 0) }
}

const statuses = (responses: Array<{ status: () => number }>) => responses.map((response) => response.status()).sort()

test('usage adds up across instances by outcome, and an instance stopped with SIGTERM loses none of its counts', async ({ request, baseURL }) => {
  const [clientId, expiredId] = await Promise.all([fixtureClientId(sql, 'usage'), fixtureClientId(sql, 'usage-expired')])
  const [token, expired] = [fixtureToken('usage'), fixtureToken('usage-expired')]
  const address = distinctAddress()
  // Its own per-client limit of 5 a minute (in memory: startInstance gives it no Redis), so it answers 429s.
  const third = await startInstance(Number(mainPort) + 7, {
    DATABASE_URL: e2eDatabaseUrl(process.env.TEST_DATABASE_URL ?? '', mainPort),
    RATE_LIMIT_PER_CLIENT: '5',
  })
  try {
    const main = baseURL ?? ''
    expect(statuses(await sendMany(20, () => getInfo(request, address, token, main)))).toEqual(Array(20).fill(200))
    expect(statuses(await sendMany(15, () => getInfo(request, address, token, secondOrigin)))).toEqual(Array(15).fill(200))
    expect(statuses(await sendMany(4, () => getInfo(request, address, expired, main)))).toEqual(Array(4).fill(401))
    expect(statuses(await sendMany(3, () => getInfo(request, address, expired, secondOrigin)))).toEqual(Array(3).fill(401))
    // The two running instances write within their flush gap (10 s) plus a tick.
    await expect.poll(() => storedUsage(clientId), { timeout: 30_000 }).toEqual({ succeeded: 35, rateLimited: 0, refused: 0 })
    await expect.poll(() => storedUsage(expiredId), { timeout: 30_000 }).toEqual({ succeeded: 0, rateLimited: 0, refused: 7 })

    const fromThird = await sendMany(12, () => getInfo(request, address, token, third.origin), 1)
    expect(statuses(fromThird)).toEqual([...Array(5).fill(200), ...Array(7).fill(429)])
    expect(statuses(await sendMany(2, () => getInfo(request, address, expired, third.origin)))).toEqual([401, 401])
    // At once, well inside its 10 s gap: what it noted since its first write reaches the database only by the shutdown flush.
    await third.stop()
    expect(await storedUsage(clientId)).toEqual({ succeeded: 40, rateLimited: 7, refused: 0 })
    expect(await storedUsage(expiredId)).toEqual({ succeeded: 0, rateLimited: 0, refused: 9 })
  } finally {
    await third.stop()
  }
})
