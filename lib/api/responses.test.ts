import { describe, expect, it } from 'vitest'
import { jsonResponse, tokenExpiresHeader, withApiHeaders } from './responses'

describe('withApiHeaders', () => {
  it('adds the headers to the handler response itself, without copying it', async () => {
    const response = jsonResponse({ ok: true }, 'request-1', { headers: { ETag: 'W/"x"' } })
    const served = withApiHeaders(response, 'request-2', { 'RateLimit-Limit': '300' })
    expect(served).toBe(response)
    expect(served.headers.get('RateLimit-Limit')).toBe('300')
    expect(served.headers.get('X-Request-Id')).toBe('request-1')
    expect(served.headers.get('ETag')).toBe('W/"x"')
    expect(await served.json()).toEqual({ ok: true })
  })

  it('leaves alone a response the handler built with the context\u2019s headers', () => {
    const headers = { 'RateLimit-Limit': '300', 'RateLimit-Remaining': '299', 'RateLimit-Reset': '60', [tokenExpiresHeader]: '2027-03-31' }
    const response = jsonResponse({ ok: true }, 'request-4', { headers })
    const served = withApiHeaders(response, 'request-4', headers)
    expect(served).toBe(response)
    expect(Object.fromEntries(served.headers)).toMatchObject({
      'ratelimit-limit': '300',
      'ratelimit-remaining': '299',
      'ratelimit-reset': '60',
      'api-token-expires': '2027-03-31',
      'x-request-id': 'request-4',
      'cache-control': 'no-store',
      'content-type': 'application/json',
    })
  })

  it('copies a response whose headers cannot change, and still sets them', () => {
    const immutable = Response.redirect('https://example.com/', 302)
    const served = withApiHeaders(immutable, 'request-3', { 'RateLimit-Limit': '300' })
    expect(served).not.toBe(immutable)
    expect(served.status).toBe(302)
    expect(served.headers.get('Location')).toBe('https://example.com/')
    expect(served.headers.get('X-Request-Id')).toBe('request-3')
    expect(served.headers.get('Cache-Control')).toBe('no-store')
  })
})
