import { expect, test } from '@playwright/test'
import { fixtureToken } from '../support/fixtures'
import { distinctAddress, expectApiHeaders, expectProblem, from } from './api-requests'

// Paths no route has: every one must answer a problem+json 404, never a page or a redirect to sign-in.
const unknownPaths = [
  '/api',
  '/api/',
  '/api/v0/providers',
  '/api/v2/providers',
  '/api/v1',
  '/api/v1/nope',
  '/api/v1/providers/one/two',
  '/api/health/nope',
  '/api/anything.html',
]
// The register API's own paths with a trailing slash: another address, so also a 404 (Next would redirect).
const trailingSlashes = ['/api/v1/providers/', '/api/v1/info/', '/api/v1/openapi.json/', '/api/health/', '/api/health/ready/']
const getOnly = ['/api/v1/info', '/api/v1/providers', '/api/v1/providers/00000000-0000-4000-8000-000000000000', '/api/v1/openapi.json', '/api/health', '/api/health/ready']
const allow = 'GET, HEAD, OPTIONS'

test.describe('Only JSON under /api', () => {
  test('an unknown path, or an API path with a trailing slash, is a problem+json 404 with X-Request-Id, with or without a token', async ({ request }) => {
    const token = fixtureToken('active-4')
    for (const path of [...unknownPaths, ...trailingSlashes]) {
      for (const method of ['GET', 'POST', 'DELETE']) {
        const response = await request.fetch(path, { method, maxRedirects: 0, headers: from(distinctAddress(), token) })
        expect(response.headers().location, `${method} ${path}`).toBeUndefined()
        expect(await expectProblem(response, 404)).toEqual({
          type: 'about:blank',
          status: 404,
          title: 'Not Found',
          detail: 'There is nothing at this address. The register API is described at /api/v1/openapi.json.',
        })
      }
    }
  })

  test('a wrong method is a 405 problem with Allow, and OPTIONS says what is allowed', async ({ request }) => {
    for (const path of getOnly) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const response = await request.fetch(path, { method, maxRedirects: 0, data: '{}' })
        expect(await expectProblem(response, 405), `${method} ${path}`).toEqual({
          type: 'about:blank',
          status: 405,
          title: 'Method Not Allowed',
          detail: `This address answers ${allow} only.`,
        })
        expect(response.headers().allow).toBe(allow)
      }
      const options = await request.fetch(path, { method: 'OPTIONS' })
      expect(options.status(), `OPTIONS ${path}`).toBe(204)
      expect(options.headers().allow).toBe(allow)
      expectApiHeaders(options)
      expect(await options.body()).toHaveLength(0)
    }
  })

  test('HEAD answers with GET’s status and headers and no body', async ({ request }) => {
    const address = distinctAddress()
    const token = fixtureToken('active-4')
    for (const path of ['/api/v1/info', '/api/v1/providers?per_page=1', '/api/v1/nope', '/api/v1/info/']) {
      const get = await request.get(path, { headers: from(address, token), maxRedirects: 0 })
      const head = await request.head(path, { headers: from(address, token), maxRedirects: 0 })
      expect(head.status(), `HEAD ${path}`).toBe(get.status())
      expect(head.headers()['content-type']).toBe(get.headers()['content-type'])
      expectApiHeaders(head)
      expect(await head.body()).toHaveLength(0)
    }
    const refused = await request.head('/api/v1/info', { headers: from(address) })
    expect(refused.status()).toBe(401)
  })

  test('a page with a trailing slash still redirects to its address without it, on this site only', async ({ request }) => {
    const response = await request.get('/api-docs/?x=1', { maxRedirects: 0 })
    expect(response.status()).toBe(308)
    expect(response.headers().location).toMatch(/^(http:\/\/127\.0\.0\.1:\d+)?\/api-docs\?x=1$/)
    const origin = new URL(response.url()).origin
    const sneaky = await request.get(`${origin}//example.com/`, { maxRedirects: 0 })
    expect(sneaky.status()).toBe(308)
    expect(new URL(sneaky.headers().location ?? '', origin).origin).toBe(origin)
  })
})
