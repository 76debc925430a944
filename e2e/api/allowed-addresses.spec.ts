import { expect, test } from '@playwright/test'
import { fixtureToken } from '../support/fixtures'
import { expectProblem, getInfo } from './api-requests'

// The fixture client `allowlisted` allows 192.0.2.0/24 and 2001:db8:a11::/48. The journeys' servers trust one
// proxy (TRUST_PROXY=1), so the X-Forwarded-For entry each request sends is the address the register sees.
const token = () => fixtureToken('allowlisted')
const refusal = { type: 'about:blank', status: 403, title: 'Forbidden', detail: 'Requests from this IP address are not allowed for this API client.' }

test.describe('A client with allowed IP addresses', () => {
  test('answers requests from an allowed address, IPv4, IPv6 or IPv4-mapped', async ({ request }) => {
    for (const address of ['192.0.2.44', '2001:db8:a11:5::9', '::ffff:192.0.2.200']) {
      const response = await getInfo(request, address, token())
      expect(response.status(), address).toBe(200)
      expect(((await response.json()) as { client: { name: string } }).client.name).toBe('E2E allowlisted')
    }
  })

  test('refuses a request from anywhere else with a 403 that names neither the list nor the address', async ({ request }) => {
    for (const address of ['198.51.100.7', '2001:db8:a12::1', '192.0.3.1']) {
      const response = await getInfo(request, address, token())
      const body = await expectProblem(response, 403)
      expect(body).toEqual(refusal)
      expect(response.headers()['www-authenticate']).toBeUndefined()
      const text = JSON.stringify(body)
      for (const secret of ['192.0.2', 'a11', address]) expect(text).not.toContain(secret)
    }
  })

  test('checks the address our proxy appended, not one the caller wrote before it', async ({ request }) => {
    const forged = await request.get('/api/v1/info', { headers: { 'X-Forwarded-For': '192.0.2.44, 198.51.100.7', Authorization: `Bearer ${token()}` } })
    await expectProblem(forged, 403)
  })
})
