import { request as httpRequest } from 'node:http'
import { expect, test, type APIResponse } from '@playwright/test'
import { baseURL } from '../playwright.config'
import { distinctAddress, expectProblem, invalidTokenChallenge } from './api/api-requests'
import { fixtureToken } from './support/fixtures'
import { serverActionId } from './support/server-actions'

// HTTP-level checks against the production build: bad input gets a 4xx, never a 5xx, and every response,
// whoever made it, carries the same security headers (docs/decisions/0013).

const token = () => fixtureToken('active-11')

/** One URL of each kind of response the service sends. */
const responses: Array<{ kind: string; path: string; method?: string; status: number; api?: boolean }> = [
  { kind: 'page', path: '/sign-in', status: 200 },
  { kind: 'page, signed out', path: '/api-clients', status: 307 },
  { kind: '404 page', path: '/no-such-page', status: 307 },
  { kind: 'API docs', path: '/api-docs', status: 200 },
  { kind: 'API, refused', path: '/api/v1/info', status: 401, api: true },
  { kind: 'API, accepted', path: '/api/v1/providers?per_page=1', status: 200, api: true },
  { kind: 'OpenAPI document', path: '/api/v1/openapi.json', status: 200, api: true },
  { kind: 'liveness', path: '/api/health', status: 200, api: true },
  { kind: 'readiness', path: '/api/health/ready', status: 200, api: true },
  { kind: "Next's 405", path: '/api/health', method: 'POST', status: 405, api: true },
  { kind: 'next-auth', path: '/api/auth/providers', status: 200, api: true },
  { kind: 'static file', path: '/assets/manifest.json', status: 200 },
  { kind: 'file outside the proxy, not there', path: '/favicon.ico', status: 404 },
  { kind: 'refused method', path: '/sign-in', method: 'TRACE', status: 405 },
]

function expectSecurityHeaders(response: APIResponse, label: string) {
  const headers = response.headers()
  expect.soft(headers['x-content-type-options'], label).toBe('nosniff')
  expect.soft(headers['x-frame-options'], label).toBe('DENY')
  expect.soft(headers['referrer-policy'], label).toBe('strict-origin-when-cross-origin')
  expect.soft(headers['permissions-policy'], label).toContain('camera=()')
  expect.soft(headers['strict-transport-security'], label).toBe('max-age=63072000; includeSubDomains')
  expect.soft(headers['content-security-policy'], label).toContain("frame-ancestors 'none'")
  expect.soft(headers['x-request-id'], label).toMatch(/^[0-9a-f-]{36}$/)
  expect.soft(headers['x-powered-by'], label).toBeUndefined()
}

test.describe('Every response', () => {
  test('carries the same security headers, and the API no-store, whatever sent it', async ({ request }) => {
    const staticScript = /\/_next\/static\/[^"]+\.js/.exec(await (await request.get('/sign-in')).text())?.[0]
    expect(staticScript).toBeDefined()
    for (const each of [...responses, { kind: 'built script', path: staticScript ?? '', status: 200 }]) {
      const response = await request.fetch(each.path, {
        method: each.method ?? 'GET',
        maxRedirects: 0,
        headers: {
          'X-Forwarded-For': distinctAddress(),
          ...(each.path.startsWith('/api/v1/providers') ? { Authorization: `Bearer ${token()}` } : {}),
        },
      })
      const label = `${each.kind}: ${each.method ?? 'GET'} ${each.path}`
      expect.soft(response.status(), label).toBe(each.status)
      expectSecurityHeaders(response, label)
      if ('api' in each && each.api) expect.soft(response.headers()['cache-control'], label).toBe('no-store')
      if (each.status === 405) expect.soft(response.headers().allow, label).toBeTruthy()
    }
  })
})

test.describe('Bad input gets a 4xx, not a 5xx', () => {
  test('TRACE on a page is a plain 405 and on the API a problem+json 405, both with Allow', async ({ request }) => {
    for (const path of ['/', '/sign-in', '/api-clients', '/users/new']) {
      const response = await request.fetch(path, { method: 'TRACE', maxRedirects: 0 })
      expect(response.status(), path).toBe(405)
      expect(response.headers().allow, path).toBe('GET, HEAD, POST')
      expect(await response.text()).toBe('Method Not Allowed\n')
    }
    const api = await request.fetch('/api/v1/providers', { method: 'TRACE', headers: { 'X-Forwarded-For': distinctAddress() } })
    expect(await expectProblem(api, 405)).toMatchObject({ title: 'Method Not Allowed' })
    expect(api.headers().allow).toBe('GET, HEAD, OPTIONS')
  })

  test('changed_since=0000-01-01 is refused with the parameter named', async ({ request }) => {
    const response = await request.get('/api/v1/providers?changed_since=0000-01-01', {
      headers: { Authorization: `Bearer ${token()}`, 'X-Forwarded-For': distinctAddress() },
    })
    const problem = await expectProblem(response, 400)
    expect(JSON.stringify(problem)).toContain('changed_since')
  })

  test('a path whose escapes do not decode is a 400 problem', async ({ request }) => {
    for (const path of ['/api/v1/providers/%ff', '/api/v1/providers/%E0%A4%A']) {
      const response = await request.get(path, { headers: { Authorization: `Bearer ${token()}`, 'X-Forwarded-For': distinctAddress() } })
      expect(await expectProblem(response, 400)).toMatchObject({ title: 'Bad Request' })
    }
  })

  test('a server action posted from another site is 403, one over 1 MB is 413', async ({ request }) => {
    const action = serverActionId('signInWithPassword')
    const post = (headers: Record<string, string>, data: string) =>
      request.post('/sign-in', { headers: { 'Next-Action': action, 'Content-Type': 'text/plain;charset=UTF-8', ...headers }, data, maxRedirects: 0 })
    expect((await post({ Origin: 'https://evil.example' }, '[]')).status()).toBe(403)
    expect((await post({ Origin: 'null' }, '[]')).status()).toBe(403)
    expect((await post({ Origin: baseURL }, 'x'.repeat(1024 * 1024 + 1))).status()).toBe(413)
  })

  test('a server action with malformed or wrong arguments is 400, and an unknown action a 4xx', async ({ request }) => {
    const post = (action: string, data: string) =>
      request.post('/sign-in', {
        headers: { 'Next-Action': action, Origin: baseURL, 'Content-Type': 'text/plain;charset=UTF-8' },
        data,
        maxRedirects: 0,
      })
    const signIn = serverActionId('signInWithPassword')
    for (const body of ['{{{not json', '["$Q1"]', '["$undefined","not form data"]', '[1,2,3]', '[]']) {
      expect((await post(signIn, body)).status(), body).toBe(400)
    }
    const unknown = await post('7f0000000000000000000000000000000000000000', '[]')
    expect(unknown.status()).toBeGreaterThanOrEqual(400)
    expect(unknown.status()).toBeLessThan(500)
  })
})

/** A GET sent byte for byte: fetch and Playwright join two headers of the same name into one. */
function rawGet(
  path: string,
  headerLines: string[],
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, baseURL)
    // Given as a list of lines, Node sends no Host of its own; HTTP/1.1 requires one.
    headerLines = [`Host: ${url.host}`, ...headerLines]
    const outgoing = httpRequest({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'GET',
      headers: headerLines.flatMap((line) => line.split(': ', 2)) as unknown as Record<string, string>,
    })
    outgoing.on('response', (incoming) => {
      let body = ''
      incoming.on('data', (chunk: Buffer) => (body += chunk.toString()))
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }))
    })
    outgoing.on('error', reject)
    outgoing.end()
  })
}

test.describe('Two Authorization headers', () => {
  test('get the uniform 401, even when one of them holds a valid token', async () => {
    for (const pair of [
      [`Bearer ${token()}`, 'Bearer rotp_test_not-a-token'],
      ['Bearer rotp_test_not-a-token', `Bearer ${token()}`],
      [`Bearer ${token()}`, `Bearer ${token()}`],
    ]) {
      const response = await rawGet('/api/v1/info', ['X-Forwarded-For: ' + distinctAddress(), ...pair.map((value) => `Authorization: ${value}`)])
      expect(response.status).toBe(401)
      expect(response.headers['www-authenticate']).toBe(invalidTokenChallenge)
      expect(JSON.parse(response.body)).toMatchObject({
        status: 401,
        title: 'Unauthorized',
        detail: 'Send a valid API token: Authorization: Bearer <token>.',
      })
    }
    const one = await rawGet('/api/v1/info', ['X-Forwarded-For: ' + distinctAddress(), `Authorization: Bearer ${token()}`])
    expect(one.status).toBe(200)
  })
})
