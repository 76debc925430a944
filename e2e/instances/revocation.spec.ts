import { expect, test } from '@playwright/test'
import { distinctAddress, expectProblem, getInfo } from '../api/api-requests'
import { deleteThroughStaffPages, regenerateImmediatelyThroughStaffPages, revokeThroughStaffPages } from '../api/staff-pages'
import { fixtureToken } from '../support/fixtures'
import { expectServedFromCache, fixtureClientId } from './cache-probe'
import { openRunDatabase, secondOrigin } from './servers'

// Two instances of the app on one PostgreSQL database, each with its own cache of verified tokens: a
// change made through one must reach the other before its next request (LISTEN/NOTIFY, docs/product/tokens.md).
let sql: ReturnType<typeof openRunDatabase>
test.beforeAll(() => {
  sql = openRunDatabase()
})
test.afterAll(async () => {
  await sql.end()
})

const cases = [
  { change: 'revoked', key: 'active-6', act: revokeThroughStaffPages },
  { change: 'deleted', key: 'active-9', act: deleteThroughStaffPages },
]

for (const { change, key, act } of cases) {
  test(`a client ${change} through one instance is refused by the other on its very next request`, async ({ page, request, baseURL }) => {
    const token = fixtureToken(key)
    const origins = [baseURL ?? '', secondOrigin]
    const name = await expectServedFromCache(request, sql, await fixtureClientId(sql, key), token, origins)

    await act(page, name)

    await expectProblem(await getInfo(request, distinctAddress(), token, secondOrigin), 401)
    await expectProblem(await getInfo(request, distinctAddress(), token, origins[0]), 401)
  })
}

test('a token regenerated “Immediately” through one instance is refused by the other on its very next request', async ({
  page,
  request,
  baseURL,
}) => {
  const token = fixtureToken('regenerate')
  const origins = [baseURL ?? '', secondOrigin]
  const name = await expectServedFromCache(request, sql, await fixtureClientId(sql, 'regenerate'), token, origins)

  const fresh = await regenerateImmediatelyThroughStaffPages(page, name)

  await expectProblem(await getInfo(request, distinctAddress(), token, secondOrigin), 401)
  await expectProblem(await getInfo(request, distinctAddress(), token, origins[0]), 401)
  for (const origin of origins) expect((await getInfo(request, distinctAddress(), fresh, origin)).status()).toBe(200)
  await page.context().clearCookies()
})
