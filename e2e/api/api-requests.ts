import { randomBytes } from 'node:crypto'
import { expect, type APIRequestContext, type APIResponse } from '@playwright/test'

/** The one WWW-Authenticate every refused token gets (docs/product/tokens.md). */
export const invalidTokenChallenge = 'Bearer realm="register", error="invalid_token"'

/**
 * An address in the IPv6 documentation range that no other test, worker or earlier run uses, sent as
 * X-Forwarded-For (the e2e servers trust one proxy), so that no two tests share an address bucket.
 */
export function distinctAddress(): string {
  const groups = randomBytes(8).toString('hex').match(/.{4}/g) ?? []
  return `2001:db8:${groups.join(':')}::1`
}

/** Request headers: a bearer token (or none) from an address. */
export function from(address: string, token?: string): Record<string, string> {
  return { 'X-Forwarded-For': address, ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }) }
}

/** GET /api/v1/info with this token, from this address, on `origin` (the main server by default). */
export function getInfo(request: APIRequestContext, address: string, token?: string, origin = ''): Promise<APIResponse> {
  return request.get(`${origin}/api/v1/info`, { headers: from(address, token) })
}

/** The client name /api/v1/info reports, after checking the request was accepted. */
export async function infoClientName(response: APIResponse): Promise<string> {
  expect(response.status()).toBe(200)
  const body = (await response.json()) as { client: { name: string } }
  return body.client.name
}

/** Checks the headers every register API response has, and returns its request id. */
export function expectApiHeaders(response: APIResponse): string {
  const headers = response.headers()
  expect(headers['cache-control'], response.url()).toBe('no-store')
  expect(headers['x-request-id'], response.url()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
  return headers['x-request-id'] ?? ''
}

/** Checks a problem+json response (RFC 9457) and returns its body without the request id. */
export async function expectProblem(response: APIResponse, status: number): Promise<Record<string, unknown>> {
  expect(response.status(), response.url()).toBe(status)
  expect(response.headers()['content-type']).toContain('application/problem+json')
  const requestId = expectApiHeaders(response)
  const { request_id: bodyRequestId, ...rest } = (await response.json()) as Record<string, unknown>
  expect(bodyRequestId).toBe(requestId)
  expect(rest).toMatchObject({ status })
  return rest
}

/** The RateLimit-* and Retry-After headers as numbers (NaN when absent). */
export function rateLimitOf(response: APIResponse) {
  const header = (name: string) => Number(response.headers()[name] ?? Number.NaN)
  return {
    limit: header('ratelimit-limit'),
    remaining: header('ratelimit-remaining'),
    reset: header('ratelimit-reset'),
    retryAfter: header('retry-after'),
  }
}

/** Checks a 429 from a full bucket of `limit` requests a minute. */
export async function expectTooManyRequests(response: APIResponse, limit: number): Promise<void> {
  expect(await expectProblem(response, 429)).toMatchObject({ title: 'Too Many Requests' })
  const { retryAfter, reset, ...counts } = rateLimitOf(response)
  expect(counts).toEqual({ limit, remaining: 0 })
  expect(retryAfter).toBeGreaterThanOrEqual(1)
  expect(retryAfter).toBeLessThanOrEqual(60)
  expect(reset).toBe(retryAfter)
}

/** Sends `count` requests, `concurrency` at a time, and returns the responses in the order sent. */
export async function sendMany(count: number, send: () => Promise<APIResponse>, concurrency = 10): Promise<APIResponse[]> {
  const responses: APIResponse[] = []
  for (let sent = 0; sent < count; sent += concurrency) {
    responses.push(...(await Promise.all(Array.from({ length: Math.min(concurrency, count - sent) }, send))))
  }
  return responses
}
