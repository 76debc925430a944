import { describeFailure } from '@/lib/api/failure-log'
import { logger } from '@/lib/logger'
import { badRequestErrorName } from './bad-request'
import { markReported } from './console-to-logger'
import { frontDoorStorage } from './front-door'
import { pathWithoutQuery } from './request-path'

/** What Next passes to onRequestError about the request (instrumentation.ts). */
export type ErroredRequest = { path: string; method: string; headers: Record<string, string | string[] | undefined> }
export type RequestErrorContext = { routerKind?: string; routePath?: string; routeType?: string; renderSource?: string }

/**
 * Whether an error in a server action is the caller's fault: arguments React could not decode (bad JSON,
 * a reference to a part that is not there) or of the wrong kind for the action (lib/http/bad-request.ts).
 */
export function isMalformedAction(error: unknown, context: RequestErrorContext): boolean {
  // By name: the action's bundle and instrumentation's each have their own copy of the class.
  if (error instanceof Error && error.name === badRequestErrorName) return true
  if (context.routeType !== 'action' || !(error instanceof Error)) return false
  return error instanceof SyntaxError || error.message === 'Connection closed.'
}

/**
 * Logs an unexpected server error as one JSON line: where it happened (path without query, method, the
 * route and what Next was doing) and the error by describeFailure (never a failed query's SQL or
 * parameters, never a stack in production). Next's own default log of the same error is then skipped.
 */
export function logRequestError(error: unknown, request: ErroredRequest, context: RequestErrorContext): void {
  markReported(error)
  const digest = typeof error === 'object' && error !== null && 'digest' in error ? (error as { digest?: unknown }).digest : undefined
  const callersFault = isMalformedAction(error, context)
  // The front door then answers 400 rather than the 500 Next is about to send.
  const store = frontDoorStorage().getStore()
  if (callersFault && store) store.badRequest = true
  const log = callersFault ? logger.warn : logger.error
  log(callersFault ? 'malformed server action request' : 'unexpected server error', {
    method: request.method,
    path: pathWithoutQuery(request.path),
    route: context.routePath,
    routeType: context.routeType,
    ...(context.renderSource ? { renderSource: context.renderSource } : {}),
    ...(typeof digest === 'string' ? { digest } : {}),
    ...describeFailure(error),
  })
}
