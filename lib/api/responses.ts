/** A HeadersInit's name–value pairs, whichever form it came in. */
function entriesOf(init: HeadersInit | undefined): Array<[string, string]> {
  if (init === undefined) return []
  return init instanceof Headers || Array.isArray(init) ? [...new Headers(init)] : Object.entries(init)
}

const apiHeaderNames = new Set(['x-request-id', 'cache-control', 'x-content-type-options'])

/**
 * The headers every register API response carries, after `extra`, as a plain record: the Response constructor
 * copies its init either way, so a Headers object built first and then copied was twice the work a request.
 * Ours win, whatever case the caller wrote theirs in (as Headers.set would).
 */
function apiHeaderRecord(requestId: string, extra: HeadersInit | undefined, contentType?: string): Record<string, string> {
  const ours = (name: string) => apiHeaderNames.has(name) || (contentType !== undefined && name === 'content-type')
  const record: Record<string, string> = {}
  for (const [name, value] of entriesOf(extra)) if (!ours(name.toLowerCase())) record[name] = value
  record['X-Request-Id'] = requestId
  // Register data is per client and changes; nothing may be cached on the way.
  record['Cache-Control'] = 'no-store'
  record['X-Content-Type-Options'] = 'nosniff'
  if (contentType) record['Content-Type'] = contentType
  return record
}

/** Headers every register API response carries. */
export function apiHeaders(requestId: string, extra: HeadersInit = {}): Headers {
  return new Headers(apiHeaderRecord(requestId, extra))
}

const utf8 = new TextEncoder()

/**
 * A body already in memory, as a stream of one chunk. undici copies a string or a Uint8Array body into a fresh
 * buffer for every Response; a stream hands the bytes on as they are (a 290 kB feed page: 183 µs of CPU a
 * response against 22 µs, and none of the garbage that made the server's memory grow; bench/README.md). The
 * chunk may be a kept body shared by many responses: nothing on the way writes to it.
 */
export function bodyOf(text: string | Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array<ArrayBuffer>> {
  const bytes = typeof text === 'string' ? utf8.encode(text) : text
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes)
      controller.close()
    },
  })
}

/** A JSON response (`init.headers`: a handler's context's headers, and any of its own). */
export function jsonResponse(body: unknown, requestId: string, init: { status?: number; headers?: HeadersInit } = {}): Response {
  return jsonTextResponse(JSON.stringify(body), requestId, init)
}

/** A JSON response from a body already serialised (a cached one, for instance), as text or as its UTF-8 bytes. */
export function jsonTextResponse(
  text: string | Uint8Array<ArrayBuffer>,
  requestId: string,
  init: { status?: number; headers?: HeadersInit } = {},
): Response {
  return new Response(bodyOf(text), { status: init.status ?? 200, headers: apiHeaderRecord(requestId, init.headers, 'application/json') })
}

export type Problem = { status: number; title: string; detail?: string; type?: string } & Record<string, unknown>

/** An RFC 9457 problem+json response. Never put internal error details in it. */
export function problemResponse(problem: Problem, requestId: string, headers: HeadersInit = {}): Response {
  return new Response(bodyOf(JSON.stringify({ type: 'about:blank', ...problem, request_id: requestId })), {
    status: problem.status,
    headers: apiHeaderRecord(requestId, headers, 'application/problem+json'),
  })
}

/** The one 401 for every refused token, so a caller cannot tell a revoked token from an unknown one. */
export function unauthorisedResponse(requestId: string, headers: HeadersInit = {}): Response {
  return problemResponse({ status: 401, title: 'Unauthorized', detail: 'Send a valid API token: Authorization: Bearer <token>.' }, requestId, {
    ...Object.fromEntries(entriesOf(headers)),
    'WWW-Authenticate': 'Bearer realm="register", error="invalid_token"',
  })
}

/** The 429 for a full rate-limit bucket, with Retry-After and the RateLimit-* headers in `headers`. */
export function tooManyRequestsResponse(requestId: string, headers: HeadersInit): Response {
  return problemResponse(
    { status: 429, title: 'Too Many Requests', detail: 'Too many requests in the last minute. Wait for the number of seconds in Retry-After.' },
    requestId,
    headers,
  )
}

/** The header that tells a caller with a valid token when it expires, on every answer it gets. */
export const tokenExpiresHeader = 'API-Token-Expires'

/**
 * The handler's response with the headers every register API response must carry, added if missing.
 * Handlers build responses with jsonResponse() and the context's `headers`, so this is a guarantee, not the
 * usual path: a response that already says when the token expires was built with them, and is left as it is
 * (setting seven headers again cost 8 µs a request: bench/README.md). The headers are set on the response
 * itself: copying it into a new Response made Next pipe the body through a second stream on every request
 * (issue 16). Only a response whose headers are immutable (one from fetch()) is copied.
 */
export function withApiHeaders(response: Response, requestId: string, headers: Record<string, string>): Response {
  if (response.headers.has(tokenExpiresHeader)) return response
  try {
    return addHeaders(response, response.headers, requestId, headers)
  } catch {
    const copy = new Response(response.body, { status: response.status, statusText: response.statusText, headers: new Headers(response.headers) })
    return addHeaders(copy, copy.headers, requestId, headers)
  }
}

function addHeaders(response: Response, target: Headers, requestId: string, headers: Record<string, string>): Response {
  for (const name in headers) target.set(name, headers[name] ?? '')
  if (!target.has('X-Request-Id')) target.set('X-Request-Id', requestId)
  target.set('Cache-Control', 'no-store')
  return response
}

/**
 * The 403 for a valid token sent from an address its client does not allow. It names neither the list nor
 * the address the register saw, which would tell someone holding a leaked token where to send it from.
 */
export function addressNotAllowedResponse(requestId: string, headers: HeadersInit = {}): Response {
  return problemResponse(
    { status: 403, title: 'Forbidden', detail: 'Requests from this IP address are not allowed for this API client.' },
    requestId,
    headers,
  )
}
