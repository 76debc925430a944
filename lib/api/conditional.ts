import { createHash } from 'node:crypto'
import { apiHeaders, jsonTextResponse } from './responses'

/** A weak entity tag for a JSON body: the same bytes give the same tag, on every instance. */
export function entityTag(body: string): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
}

/**
 * Whether If-None-Match names this tag (RFC 9110 section 13.1.2: weak comparison, a list of tags, or *).
 * Tags are compared by their opaque part, so W/"x" matches "x".
 */
export function noneMatch(header: string | null, tag: string): boolean {
  if (header === null) return false
  if (header.trim() === '*') return true
  const opaque = (value: string) => value.trim().replace(/^W\//, '')
  return header.split(',').some((candidate) => opaque(candidate) === opaque(tag))
}

/** A JSON body serialised once, with its entity tag: what a cache keeps (lib/providers/served.ts). */
export type SerialisedBody = { text: string; tag: string }

/** Serialises a body and tags it. */
export function serialise(body: unknown): SerialisedBody {
  const text = JSON.stringify(body)
  return { text, tag: entityTag(text) }
}

/**
 * A JSON response with an ETag, or 304 Not Modified with only headers when the request's If-None-Match
 * already names it: a client polling for something that has not changed downloads nothing.
 */
export function conditionalJsonResponse(request: Request, body: unknown, requestId: string): Response {
  return conditionalSerialisedResponse(request, serialise(body), requestId)
}

/** conditionalJsonResponse for a body already serialised and tagged. */
export function conditionalSerialisedResponse(request: Request, { text, tag }: SerialisedBody, requestId: string): Response {
  if (noneMatch(request.headers.get('if-none-match'), tag)) {
    const headers = apiHeaders(requestId, { ETag: tag })
    return new Response(null, { status: 304, headers })
  }
  return jsonTextResponse(text, requestId, { headers: { ETag: tag } })
}
