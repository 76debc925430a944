import { expect, test } from '@playwright/test'
import { expectProblem, getInfo } from '../api/api-requests'
import { signIn } from '../support/sign-in'
import { fixtureToken } from '../support/fixtures'
import { expectServedFromCache, fixtureClientId } from './cache-probe'
import { openRunDatabase, secondOrigin } from './servers'

// Two instances on one database, each caching verified tokens with their client's compiled allowlist: a list
// changed through one must be applied by the other on its very next request (LISTEN/NOTIFY, decision 0026).
let sql: ReturnType<typeof openRunDatabase>
test.beforeAll(() => {
  sql = openRunDatabase()
})
test.afterAll(async () => {
  await sql.end()
})

test('allowed IP addresses changed through one instance apply on the other’s very next request', async ({ page, request, baseURL }) => {
  const token = fixtureToken('allowlist-change')
  const origins = [baseURL ?? '', secondOrigin]
  const clientId = await fixtureClientId(sql, 'allowlist-change')
  // Both instances hold the token in their cache, with no allowlist: any address is answered.
  const name = await expectServedFromCache(request, sql, clientId, token, origins)
  for (const origin of origins) expect((await getInfo(request, '198.51.100.20', token, origin)).status()).toBe(200)

  await signIn(page, 'general-access')
  await page.goto(`/api-clients/${clientId}/allowed-addresses`)
  await page.getByLabel('Allowed IP addresses').fill('192.0.2.0/24')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${name} Active`)

  await expectProblem(await getInfo(request, '198.51.100.20', token, secondOrigin), 403)
  await expectProblem(await getInfo(request, '198.51.100.20', token, origins[0]), 403)
  for (const origin of origins) expect((await getInfo(request, '192.0.2.20', token, origin)).status()).toBe(200)
  await page.context().clearCookies()
})
