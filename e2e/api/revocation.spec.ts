import { expect, test } from '@playwright/test'
import { fixtureToken } from '../support/fixtures'
import { distinctAddress, expectProblem, getInfo, invalidTokenChallenge } from './api-requests'
import { deleteThroughStaffPages, revokeThroughStaffPages } from './staff-pages'

// Verified tokens are cached in memory, yet a revoked or deleted client's token must be refused on the very
// next request (docs/product/tokens.md). Each test warms the cache first, so a stale entry would be served.
test.describe('Revoking or deleting an API client', () => {
  const cases = [
    { change: 'revoking', key: 'active-4', act: revokeThroughStaffPages },
    { change: 'deleting', key: 'active-5', act: deleteThroughStaffPages },
  ]

  for (const { change, key, act } of cases) {
    test(`${change} it through the staff pages refuses its token on the very next request`, async ({ page, request }) => {
      const address = distinctAddress()
      const token = fixtureToken(key)
      for (let warm = 0; warm < 5; warm += 1) expect((await getInfo(request, address, token)).status()).toBe(200)

      await act(page, `E2E ${key}`)

      const next = await getInfo(request, address, token)
      expect(next.headers()['www-authenticate']).toBe(invalidTokenChallenge)
      await expectProblem(next, 401)
    })
  }
})
