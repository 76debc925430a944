import 'server-only'
import { randomUUID } from 'node:crypto'
import { systemClock } from '@/lib/clock'
import { env } from '@/lib/env'
import { describeError, logger } from '@/lib/logger'
import type { VerifiedClient } from '@/lib/tokens/verify'
import { bearerToken } from './bearer'
import { authenticate } from './authenticate'
import { problemResponse, unauthorisedResponse } from './responses'

export type ApiContext = { request: Request; requestId: string; client: VerifiedClient; now: Date; params: Record<string, string> }
type RouteContext = { params: Promise<Record<string, string | string[]>> }

/** Whether an error means the database cannot be reached (connection refused, timed out, closed). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause: unknown = error; cause && typeof cause === 'object'; cause = (cause as { cause?: unknown }).cause) {
    const code = (cause as { code?: unknown }).code
    if (
      typeof code === 'string' &&
      [
        'ECONNREFUSED',
        'ECONNRESET',
        'ETIMEDOUT',
        'CONNECT_TIMEOUT',
        'CONNECTION_CLOSED',
        'CONNECTION_ENDED',
        'CONNECTION_DESTROYED',
        '57P01',
        '57P03',
      ].includes(code)
    )
      return true
  }
  return false
}

async function flatParams(context: RouteContext | undefined): Promise<Record<string, string>> {
  const raw = (await context?.params) ?? {}
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value.join('/') : value]))
}

/** Turns anything a handler throws into problem+json: 503 when the database is unreachable, else a bare 500. */
function failureResponse(error: unknown, requestId: string): Response {
  if (isDatabaseUnavailable(error)) {
    logger.error('register API: database unavailable', { requestId, ...describeError(error) })
    return problemResponse({ status: 503, title: 'Service Unavailable', detail: 'The register is unavailable. Try again shortly.' }, requestId, {
      'Retry-After': '5',
    })
  }
  logger.error('register API: unexpected error', { requestId, ...describeError(error) })
  return problemResponse({ status: 500, title: 'Internal Server Error' }, requestId)
}

/**
 * The one wrapper around every authenticated /api/v1 route handler (docs/decisions/0001): it answers 404
 * when the API is switched off, authenticates the bearer token, sets X-Request-Id and Cache-Control:
 * no-store, and maps failures to problem+json. Handler bodies are then a few lines.
 */
export function withApiClient(handler: (context: ApiContext) => Promise<Response>) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    const requestId = randomUUID()
    if (!env().API_ENABLED) return problemResponse({ status: 404, title: 'Not Found' }, requestId)
    try {
      const now = systemClock()
      const result = await authenticate(bearerToken(request.headers.get('authorization')), now)
      if (!result.ok) {
        // The reason goes to the log, never to the caller; the token goes nowhere.
        logger.info('register API: token refused', { requestId, reason: result.reason })
        return unauthorisedResponse(requestId)
      }
      return await handler({ request, requestId, client: result.client, now, params: await flatParams(context) })
    } catch (error) {
      return failureResponse(error, requestId)
    }
  }
}

/** The same wrapper for the few /api/v1 routes that need no token (the OpenAPI document). */
export function publicApiRoute(handler: (context: { request: Request; requestId: string }) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const requestId = randomUUID()
    if (!env().API_ENABLED) return problemResponse({ status: 404, title: 'Not Found' }, requestId)
    try {
      return await handler({ request, requestId })
    } catch (error) {
      return failureResponse(error, requestId)
    }
  }
}
