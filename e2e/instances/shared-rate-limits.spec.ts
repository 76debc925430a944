import { expect, test } from '@playwright/test'
import { distinctAddress, expectTooManyRequests, getInfo, rateLimitOf, sendMany } from '../api/api-requests'
import { fixtureToken } from '../support/fixtures'
import { secondOrigin } from './servers'

// Only with TEST_REDIS_URL (playwright.config.ts): both instances then count in the same Redis.
test('the per-client limit holds across instances: 150 requests on one and 150 on the other, then the 301st is 429', async ({ request, baseURL }) => {
  const token = fixtureToken('active-7')
  const address = distinctAddress()
  const first = await sendMany(150, () => getInfo(request, address, token, baseURL ?? ''))
  expect(first.map((response) => response.status())).toEqual(Array(150).fill(200))

  const second = await sendMany(150, () => getInfo(request, address, token, secondOrigin))
  expect(second.map((response) => response.status())).toEqual(Array(150).fill(200))
  expect(Math.max(...second.map((response) => rateLimitOf(response).remaining))).toBe(149)

  await expectTooManyRequests(await getInfo(request, address, token, secondOrigin), 300)
  await expectTooManyRequests(await getInfo(request, address, token, baseURL ?? ''), 300)
})
