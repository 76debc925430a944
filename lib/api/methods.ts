import 'server-only'
import { currentRequestId } from '@/lib/http/request-id'
import { env } from '@/lib/env'
import { pathWithoutQuery } from '@/lib/http/request-path'
import { apiHeaders, problemResponse } from './responses'

type Handler = (request: Request) => Promise<Response>

/** The 404 for a path the API does not have, or for every /api/v1 path while the API is switched off. */
export function notFoundResponse(requestId: string = currentRequestId()): Response {
  return problemResponse(
    { status: 404, title: 'Not Found', detail: 'There is nothing at this address. The register API is described at /api/v1/openapi.json.' },
    requestId,
  )
}

/**
 * Whether a /api/v1 route must answer 404 before anything else: the API is switched off, or the path ends
 * in a slash (Next would serve /api/v1/info/ as /api/v1/info; one address per resource keeps caches and
 * clients honest, and next.config.ts turns off Next's redirect so that no API path ever redirects).
 */
export function isUnservedAddress(request: Request, { switchedOffWithApi = true } = {}): boolean {
  // The URL up to its query ends as its path does, without parsing the whole URL on every request.
  return (switchedOffWithApi && !env().API_ENABLED) || pathWithoutQuery(request.url).endsWith('/')
}

// The body of a HEAD response is empty; its headers are those GET would send.
const withoutBody = (response: Response): Response => new Response(null, { status: response.status, headers: response.headers })

/**
 * Handlers for every method a path does not answer, so that a wrong method gets a 405 problem with
 * `Allow` (RFC 9110 §15.5.6) instead of Next's empty 405, and OPTIONS gets 204 with `Allow`. Spread
 * into a route module beside its GET (Next answers HEAD from GET by itself). While the API is switched
 * off these answer 404, like everything under /api/v1 (not the health checks: `{ switchedOffWithApi: false }`).
 */
export function otherMethods({ switchedOffWithApi = true } = {}): Record<'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS', Handler> {
  const allow = 'GET, HEAD, OPTIONS'
  const notAllowed: Handler = async (request) => {
    const requestId = currentRequestId()
    if (isUnservedAddress(request, { switchedOffWithApi })) return notFoundResponse(requestId)
    return problemResponse({ status: 405, title: 'Method Not Allowed', detail: `This address answers ${allow} only.` }, requestId, { Allow: allow })
  }
  const options: Handler = async (request) => {
    const requestId = currentRequestId()
    if (isUnservedAddress(request, { switchedOffWithApi })) return notFoundResponse(requestId)
    return new Response(null, { status: 204, headers: apiHeaders(requestId, { Allow: allow }) })
  }
  return { POST: notAllowed, PUT: notAllowed, PATCH: notAllowed, DELETE: notAllowed, OPTIONS: options }
}

/** Handlers for every method of a path the API does not have: all 404 problems (HEAD without the body). */
export function unknownPath(): Record<'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS', Handler> {
  const notFound: Handler = async () => notFoundResponse()
  return { GET: notFound, HEAD: async () => withoutBody(notFoundResponse()), POST: notFound, PUT: notFound, PATCH: notFound, DELETE: notFound, OPTIONS: notFound }
}
