import { randomUUID } from 'node:crypto'
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test'
import { generateToken } from '@/lib/tokens/format'
import { fixtureToken } from '../support/fixtures'
import { distinctAddress, expectApiHeaders, expectProblem, invalidTokenChallenge } from './api-requests'

/** Every authenticated register API endpoint: the suite below runs against each (STYLE: Unkey's shared suite). */
const endpoints = [
  { path: '/api/v1/info', validStatus: 200 },
  { path: '/api/v1/providers', validStatus: 200 },
  // A provider that does not exist: a valid token gets the endpoint's own 404, never the 401.
  { path: `/api/v1/providers/${randomUUID()}`, validStatus: 404 },
]

const valid = () => fixtureToken('active-1')
const withLastCharacterChanged = (token: string) => token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')

/** Authorization headers that must all be refused alike: [what is wrong, header or none]. */
const refusals: Array<[string, () => string | undefined]> = [
  ['no Authorization header', () => undefined],
  ['another scheme (Basic) with a valid token', () => `Basic ${valid()}`],
  ['Basic credentials', () => `Basic ${Buffer.from('anne:password').toString('base64')}`],
  ['an empty token', () => 'Bearer '],
  ['a malformed token', () => 'Bearer not-a-register-token'],
  ['a token with a bad checksum', () => `Bearer ${withLastCharacterChanged(valid())}`],
  ['a well-formed token never issued', () => `Bearer ${generateToken('test').plaintext}`],
  ['an expired token', () => `Bearer ${fixtureToken('expired')}`],
  ['a revoked client', () => `Bearer ${fixtureToken('revoked')}`],
  ['a deleted client', () => `Bearer ${fixtureToken('deleted')}`],
  ['a client whose creator is inactive', () => `Bearer ${fixtureToken('inactive-creator')}`],
]

function call(request: APIRequestContext, method: 'GET' | 'HEAD' | 'POST' | 'OPTIONS', path: string, address: string, authorization?: string) {
  const headers: Record<string, string> = { 'X-Forwarded-For': address, ...(authorization === undefined ? {} : { Authorization: authorization }) }
  return request.fetch(path, { method, headers, maxRedirects: 0 })
}

// Headers whose presence depends on how the bytes were framed or when, not on what was refused; and the Vary that
// Next adds to whatever it answers (its router's headers), which Cache-Control: no-store makes moot.
const framingHeaders = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'vary'])

/**
 * Status, challenge, body without its request id, and the names of the headers: what must not differ between
 * refusals, whether the front door answered (a token refused without the database) or the route did.
 */
async function refusalShape(response: APIResponse) {
  const body = await expectProblem(response, 401)
  const headers = Object.keys(response.headers())
    .filter((name) => !framingHeaders.has(name))
    .sort()
  return { status: response.status(), challenge: response.headers()['www-authenticate'], body, headers }
}

function securitySuite({ path, validStatus }: (typeof endpoints)[number]) {
  test.describe(`${path.replace(/[0-9a-f-]{36}$/, '{id}')}`, () => {
    test('refuses every missing, malformed, unknown, expired, revoked or deleted token with the same 401', async ({ request }) => {
      const address = distinctAddress()
      const shapes: Awaited<ReturnType<typeof refusalShape>>[] = []
      const requestIds = new Set<string>()
      for (const [problem, authorization] of refusals) {
        const response = await call(request, 'GET', path, address, authorization())
        const shape = await refusalShape(response)
        expect.soft(shape, problem).toEqual({
          status: 401,
          challenge: invalidTokenChallenge,
          body: { type: 'about:blank', status: 401, title: 'Unauthorized', detail: 'Send a valid API token: Authorization: Bearer <token>.' },
          headers: expect.arrayContaining(['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'x-request-id', 'cache-control']),
        })
        shapes.push(shape)
        requestIds.add(response.headers()['x-request-id'] ?? '')
      }
      // Every refusal alike: each shape as the first one, so a difference is shown with the refusal it is in.
      expect(shapes).toEqual(shapes.map(() => shapes[0]))
      expect(requestIds.size).toBe(refusals.length)
    })

    test('accepts a valid token, and one that expires today (valid until midnight UK time)', async ({ request }) => {
      const address = distinctAddress()
      for (const token of [valid(), fixtureToken('expires-today')]) {
        const response = await call(request, 'GET', path, address, `Bearer ${token}`)
        expect(response.status()).toBe(validStatus)
        expectApiHeaders(response)
        expect(response.headers()['www-authenticate']).toBeUndefined()
        expect(response.headers()['ratelimit-limit']).toBe('300')
        expect(response.headers()['ratelimit-remaining']).toMatch(/^\d+$/)
        expect(response.headers()['api-token-expires']).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      }
    })

    test('refuses HEAD without a token the same way, with no body', async ({ request }) => {
      const response = await call(request, 'HEAD', path, distinctAddress())
      expect(response.status()).toBe(401)
      expect(response.headers()['www-authenticate']).toBe(invalidTokenChallenge)
      expectApiHeaders(response)
      expect(await response.body()).toHaveLength(0)
    })

    test('does not accept POST, and answers OPTIONS with the allowed methods and no CORS', async ({ request }) => {
      for (const authorization of [undefined, `Bearer ${valid()}`]) {
        const post = await call(request, 'POST', path, distinctAddress(), authorization)
        expect(post.status()).toBe(405)
        expect(await post.text()).not.toContain('"data"')
      }
      const options = await call(request, 'OPTIONS', path, distinctAddress())
      expect(options.status()).toBe(204)
      expect(options.headers()['allow']?.split(/,\s*/).sort()).toEqual(['GET', 'HEAD', 'OPTIONS'])
      expect(options.headers()['access-control-allow-origin']).toBeUndefined()
    })
  })
}

test.describe('Register API security', () => {
  for (const endpoint of endpoints) securitySuite(endpoint)
})
