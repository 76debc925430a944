import { expect, test } from '@playwright/test'
import { generateToken } from '@/lib/tokens/format'
import { fixtureToken } from '../support/fixtures'
import { distinctAddress, expectProblem, expectTooManyRequests, getInfo, rateLimitOf, sendMany } from './api-requests'

// The default limits, which the e2e servers keep: 300 a minute per client, 100 per address without a valid token.
const perClient = 300
const perAddress = 100

test.describe('Register API rate limits', () => {
  test('the 301st request in a minute with one token gets 429 with Retry-After, and another client is unaffected', async ({ request }) => {
    const address = distinctAddress()
    const token = fixtureToken('active-2')
    const first = await getInfo(request, address, token)
    expect(first.status()).toBe(200)
    const firstLimit = rateLimitOf(first)
    expect({ limit: firstLimit.limit, remaining: firstLimit.remaining }).toEqual({ limit: perClient, remaining: perClient - 1 })
    expect(firstLimit.reset).toBeGreaterThanOrEqual(1)
    expect(firstLimit.reset).toBeLessThanOrEqual(60)
    expect(first.headers()['retry-after']).toBeUndefined()

    const rest = await sendMany(perClient - 1, () => getInfo(request, address, token))
    expect(rest.map((response) => response.status())).toEqual(Array(perClient - 1).fill(200))
    const remaining = rest.map((response) => rateLimitOf(response).remaining).sort((a, b) => a - b)
    expect(remaining).toEqual(Array.from({ length: perClient - 1 }, (_, index) => index))

    await expectTooManyRequests(await getInfo(request, address, token), perClient)
    // The same caller's requests for another client count against that client alone.
    const other = await getInfo(request, address, fixtureToken('active-3'))
    expect(other.status()).toBe(200)
    expect(rateLimitOf(other).remaining).toBe(perClient - 1)
  })

  test('100 requests without a valid token from one address, then the 101st is 429; other addresses are unaffected', async ({ request }) => {
    const address = distinctAddress()
    // A cached valid client from the same address keeps working: it counts in its own bucket.
    const cachedToken = fixtureToken('active-1')
    for (let warm = 0; warm < 3; warm += 1) expect((await getInfo(request, distinctAddress(), cachedToken)).status()).toBe(200)

    const tokens = [undefined, 'not-a-token', generateToken('test').plaintext, fixtureToken('revoked')]
    let sent = 0
    const refused = await sendMany(perAddress, () => getInfo(request, address, tokens[sent++ % tokens.length]))
    expect(refused.map((response) => response.status())).toEqual(Array(perAddress).fill(401))
    expect(refused.map((response) => rateLimitOf(response).limit)).toEqual(Array(perAddress).fill(perAddress))
    expect(Math.min(...refused.map((response) => rateLimitOf(response).remaining))).toBe(0)

    await expectTooManyRequests(await getInfo(request, address), perAddress)
    // A well-formed token nobody was issued is refused before any database lookup, also with 429.
    await expectTooManyRequests(await getInfo(request, address, generateToken('test').plaintext), perAddress)
    expect((await getInfo(request, address, cachedToken)).status()).toBe(200)

    const elsewhere = await getInfo(request, distinctAddress())
    await expectProblem(elsewhere, 401)
    expect(rateLimitOf(elsewhere).remaining).toBe(perAddress - 1)
  })

  test('a flood of junk and made-up tokens from one address never stops a new or a cached valid token from it (0015)', async ({ request }) => {
    const address = distinctAddress()
    const cachedToken = fixtureToken('active-1')
    expect((await getInfo(request, distinctAddress(), cachedToken)).status()).toBe(200)
    // Used by no other journey, so not cached on the server until this test asks for it mid-flood.
    const newToken = fixtureToken('active-9')
    const junk = () => [undefined, 'not-a-token', generateToken('test').plaintext, generateToken('live').plaintext]
    let flooding = true
    const floodStatuses: number[] = []
    const flood = async () => {
      while (flooding) for (const token of junk()) floodStatuses.push((await getInfo(request, address, token)).status())
    }
    const valid = async () => {
      const statuses: number[] = []
      // Start once the address bucket is full, which is what used to lock a new token out for a minute.
      await expect.poll(() => floodStatuses.includes(429), { timeout: 30_000 }).toBe(true)
      for (let round = 0; round < 10; round += 1) {
        const [fresh, cached] = await Promise.all([getInfo(request, address, newToken), getInfo(request, address, cachedToken)])
        statuses.push(fresh.status(), cached.status())
      }
      flooding = false
      return statuses
    }
    const [statuses] = await Promise.all([valid(), ...Array.from({ length: 8 }, flood)])
    expect(statuses).toEqual(Array(20).fill(200))
    expect(floodStatuses.length).toBeGreaterThan(perAddress)
    expect(new Set(floodStatuses)).toEqual(new Set([401, 429]))
  })
})
