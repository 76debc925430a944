import 'server-only'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { systemClock } from '@/lib/clock'
import { env } from '@/lib/env'
import { logger } from '@/lib/logger'
import { pathWithoutQuery } from '@/lib/http/request-path'
import { describeFailure } from './failure-log'
import { verificationCache } from '@/lib/token-cache/client-changes'
import { screenToken, type Screening } from './authenticate'
import { bearerToken } from './bearer'
import { internalErrorResponse, refusedRequestResponse } from './route'

/**
 * The paths of the register API's routes that need a token (every route built with withApiClient), as Next
 * routes them: `/api/v1/providers/changes` is its own route, and both need a token. early-refusal.test.ts checks
 * this list against app/api/v1.
 */
const tokenRoutes = [/^\/api\/v1\/info$/, /^\/api\/v1\/providers$/, /^\/api\/v1\/providers\/[^/]+$/]

/** Whether a path (without its query) is one of the register API's routes that need a token. */
export function needsToken(path: string): boolean {
  return tokenRoutes.some((route) => route.test(path))
}

/**
 * What the front door found out about a request's token, for the route wrapper to use instead of screening it
 * again: the header it read, when, and the verification cache's generation then.
 */
export type EarlyScreening = { authorization: string | undefined; at: Date; generation: number; screening: Screening }

// The front door's request store (lib/http/front-door.ts), read through globalThis as lib/http/request-id.ts reads it.
type Storage = { getStore(): { screening?: EarlyScreening } | undefined }
const holder = globalThis as typeof globalThis & { __registerFrontDoor?: { storage: Storage } }

/**
 * The front door's screening of this request's token, if it made one of the same Authorization header and no
 * client has changed since (a revocation between the front door and the route is seen: the token is screened again).
 */
export function earlyScreening(request: Request): EarlyScreening | undefined {
  const early = holder.__registerFrontDoor?.storage.getStore()?.screening
  if (!early || early.generation !== verificationCache().generation) return undefined
  return early.authorization === (request.headers.get('authorization') ?? undefined) ? early : undefined
}

/**
 * Screens the token of a GET or HEAD to a register API route before Next sees the request (lib/http/front-door.ts,
 * docs/decisions/0028). A token refused without the database (none, malformed, a bad checksum, a token known to be
 * unknown, expired or replaced) is answered here with the route wrapper's own refusal (refusedRequestResponse): the same
 * rate limits, usage counts, log line, headers and body, for about a twentieth of what Next's request handling
 * costs. Any other token goes on to Next, its screening kept in `keep` so the route wrapper does not repeat it.
 * True if the request was answered here.
 */
export function refuseAtFrontDoor(
  request: IncomingMessage,
  response: ServerResponse,
  requestId: string,
  keep: (screening: EarlyScreening) => void,
): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false
  if (!needsToken(pathWithoutQuery(request.url ?? '/'))) return false
  try {
    // Switched off, the API's routes answer 404: that stays theirs.
    if (!env().API_ENABLED) return false
  } catch {
    return false
  }
  const authorization = request.headers.authorization
  const at = systemClock()
  // Read before screening: a change to any client during it makes the screening one to repeat.
  const generation = verificationCache().generation
  const screening = screenToken(bearerToken(authorization ?? null), at)
  const decided = screening.decided
  if (decided === undefined || decided.ok) {
    keep({ authorization, at, generation, screening })
    return false
  }
  // Next sets X-Forwarded-For to the socket's address when a request has none (base-server.js); the route's
  // rate-limit bucket is read from what Next passes on, so the same is read here.
  const forwarded = request.headers['x-forwarded-for']
  const forwardedFor = (Array.isArray(forwarded) ? forwarded.join(', ') : forwarded) ?? request.socket.remoteAddress
  void refusedRequestResponse(decided, forwardedFor, at, requestId)
    .catch((error: unknown) => {
      logger.error('register API: unexpected error', describeFailure(error))
      return internalErrorResponse(requestId)
    })
    .then((answer) => send(answer, request, response))
    .catch(() => response.destroy())
  return true
}

async function send(answer: Response, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = Buffer.from(await answer.arrayBuffer())
  response.statusCode = answer.status
  for (const [name, value] of answer.headers) response.setHeader(name, value)
  response.setHeader('Content-Length', body.byteLength)
  response.end(request.method === 'HEAD' ? undefined : body)
}
