import 'server-only'
import { currentRequestId } from '@/lib/http/request-id'
import { metrics } from '@/lib/metrics/registry'
import { isDatabaseUnavailable } from '@/db/errors'
import { systemClock } from '@/lib/clock'
import { env } from '@/lib/env'
import { logger } from '@/lib/logger'
import type { VerifiedClient } from '@/lib/tokens/verify'
import { usageOf } from '@/lib/usage/outcome'
import { admitRequest, refusedOrLimited, type Admission, type AdmissionRefusal } from './admission'
import { clientAddressIn } from './client-address'
import { earlyScreening } from './early-refusal'
import { describeFailure } from './failure-log'
import { isUnservedAddress, notFoundResponse } from './methods'
import { rateLimitHeaders } from './rate-limit-headers'
import {
  addressNotAllowedResponse,
  problemResponse,
  tokenExpiresHeader,
  tooManyRequestsResponse,
  unauthorisedResponse,
  withApiHeaders,
} from './responses'
import { countApiClientRequest, recordApiClientUse } from './use-recorder'

/**
 * What a handler is given. `headers`: what every answer to this request carries (its rate limit, and when its token
 * expires); handlers pass them to the response they build, so that its headers are made once (the wrapper adds them
 * to any response that lacks them).
 */
export type ApiContext = {
  request: Request
  requestId: string
  client: VerifiedClient
  now: Date
  params: Record<string, string>
  headers: Record<string, string>
}
type RouteContext = { params: Promise<Record<string, string | string[]>> }

async function flatParams(context: RouteContext | undefined): Promise<Record<string, string>> {
  const raw = (await context?.params) ?? {}
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value.join('/') : value]))
}

/** The headers every answer to an admitted request carries: its client's rate limit, and, as GitHub's token-expiration header does, when its token expires. */
function admittedHeaders(admission: Extract<Admission, { outcome: 'admitted' }>): Record<string, string> {
  const headers = rateLimitHeaders(admission.limit)
  headers[tokenExpiresHeader] = admission.client.expiresOn
  return headers
}

/** The 503 problem for a database that cannot be reached. */
export function databaseUnavailableResponse(requestId: string): Response {
  return problemResponse({ status: 503, title: 'Service Unavailable', detail: 'The register is unavailable. Try again shortly.' }, requestId, {
    'Retry-After': '5',
  })
}

/** The bare 500 problem: nothing about what went wrong leaves the server. */
export function internalErrorResponse(requestId: string): Response {
  return problemResponse({ status: 500, title: 'Internal Server Error' }, requestId)
}

/** Turns anything a handler throws into problem+json: 503 when the database is unreachable, else a bare 500. */
function failureResponse(error: unknown, requestId: string): Response {
  if (isDatabaseUnavailable(error)) {
    logger.error('register API: database unavailable', describeFailure(error))
    return databaseUnavailableResponse(requestId)
  }
  logger.error('register API: unexpected error', describeFailure(error))
  return internalErrorResponse(requestId)
}

/** The response for a request that may not reach its handler. */
function refusalResponse(admission: Exclude<Admission, { outcome: 'admitted' }>, requestId: string): Response {
  const headers = rateLimitHeaders(admission.limit)
  if (admission.outcome === 'rate-limited') {
    logger.info('register API: rate limited', { bucket: admission.bucket })
    metrics().rateLimitRefusals.inc({ limit: admission.bucket })
    // A valid token over its client's limit is still told when it expires.
    return tooManyRequestsResponse(requestId, admission.client ? { ...headers, [tokenExpiresHeader]: admission.client.expiresOn } : headers)
  }
  if (admission.reason === 'address-not-allowed') {
    logger.info('register API: address not allowed', { clientId: admission.clientId })
    return addressNotAllowedResponse(requestId, headers)
  }
  // The reason goes to the log, never to the caller; the token and its hash go nowhere.
  logger.info('register API: token refused', { reason: admission.reason })
  return unauthorisedResponse(requestId, headers)
}

/** Counts a request in its client's usage, when its token is one a client holds. */
function countUsage(admission: Admission, now: Date): void {
  const usage = env().API_USAGE_COUNTING ? usageOf(admission) : undefined
  if (usage) countApiClientRequest(usage.clientId, usage.outcome, now)
}

/**
 * The answer to a token the front door refused before Next (lib/api/early-refusal.ts): the same address bucket,
 * usage count, log line and response as a refusal here. `forwardedFor` is the X-Forwarded-For Next would pass on.
 */
export async function refusedRequestResponse(
  refusal: { reason: AdmissionRefusal; clientId?: string },
  forwardedFor: string | undefined,
  now: Date,
  requestId: string,
): Promise<Response> {
  const admission = await refusedOrLimited(refusal, clientAddressIn(forwardedFor, env().TRUST_PROXY))
  countUsage(admission, now)
  return refusalResponse(admission, requestId)
}

/**
 * The one wrapper around every authenticated /api/v1 route handler (docs/decisions/0001, 0006): it
 * answers 404 when the API is switched off (or for the route's path with a trailing slash), authenticates the bearer token (from a cache that every
 * change to a client invalidates), applies the rate limits, notes the client's use and counts the request in its usage, sets X-Request-Id,
 * Cache-Control: no-store and the RateLimit-* headers, and maps failures to problem+json. Handler bodies
 * are then a few lines.
 */
export function withApiClient(handler: (context: ApiContext) => Promise<Response>) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    const requestId = currentRequestId()
    if (isUnservedAddress(request)) return notFoundResponse(requestId)
    try {
      // A token the front door screened and let through is not screened again (lib/api/early-refusal.ts).
      const early = earlyScreening(request)
      const now = early?.at ?? systemClock()
      const admission = await admitRequest(request, now, early?.screening)
      countUsage(admission, now)
      if (admission.outcome !== 'admitted') return refusalResponse(admission, requestId)
      recordApiClientUse(admission.client.id, now)
      const headers = admittedHeaders(admission)
      const response = await handler({ request, requestId, client: admission.client, now, params: await flatParams(context), headers })
      return withApiHeaders(response, requestId, headers)
    } catch (error) {
      return failureResponse(error, requestId)
    }
  }
}

/** The same wrapper for the few /api/v1 routes that need no token (the OpenAPI document). */
export function publicApiRoute(handler: (context: { request: Request; requestId: string }) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const requestId = currentRequestId()
    if (isUnservedAddress(request)) return notFoundResponse(requestId)
    try {
      return await handler({ request, requestId })
    } catch (error) {
      return failureResponse(error, requestId)
    }
  }
}
