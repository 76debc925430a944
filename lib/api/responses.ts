/** Headers every register API response carries. */
export function apiHeaders(requestId: string, extra: HeadersInit = {}): Headers {
  const headers = new Headers(extra)
  headers.set('X-Request-Id', requestId)
  // Register data is per client and changes; nothing may be cached on the way.
  headers.set('Cache-Control', 'no-store')
  headers.set('X-Content-Type-Options', 'nosniff')
  return headers
}

/** A JSON response. */
export function jsonResponse(body: unknown, requestId: string, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = apiHeaders(requestId, init.headers)
  headers.set('Content-Type', 'application/json')
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers })
}

export type Problem = { status: number; title: string; detail?: string; type?: string } & Record<string, unknown>

/** An RFC 9457 problem+json response. Never put internal error details in it. */
export function problemResponse(problem: Problem, requestId: string, headers: HeadersInit = {}): Response {
  const all = apiHeaders(requestId, headers)
  all.set('Content-Type', 'application/problem+json')
  return new Response(JSON.stringify({ type: 'about:blank', ...problem, request_id: requestId }), { status: problem.status, headers: all })
}

/** The one 401 for every refused token, so a caller cannot tell a revoked token from an unknown one. */
export function unauthorisedResponse(requestId: string, headers: HeadersInit = {}): Response {
  return problemResponse({ status: 401, title: 'Unauthorized', detail: 'Send a valid API token: Authorization: Bearer <token>.' }, requestId, {
    ...Object.fromEntries(new Headers(headers)),
    'WWW-Authenticate': 'Bearer realm="register", error="invalid_token"',
  })
}
