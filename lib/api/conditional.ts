import { createHash } from 'node:crypto'
import { apiHeaders, jsonTextResponse } from './responses'

/** A weak entity tag for a JSON body: the same bytes give the same tag, on every instance. */
export function entityTag(body: string | Uint8Array): string {
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

/**
 * A JSON body serialised once, as the UTF-8 bytes sent, with its entity tag: what a cache keeps
 * (lib/providers/served.ts). Bytes, not a string: a Response made from a 63 kB string re-encodes it on every
 * request, about 6 times the cost of one made from its bytes (bench/README.md), and the bytes are what the
 * cache's size limit counts.
 */
export type SerialisedBody = { bytes: Uint8Array<ArrayBuffer>; tag: string }

const utf8 = new TextEncoder()

/** Serialises a body and tags it. */
export function serialise(body: unknown): SerialisedBody {
  // TextEncoder, not Buffer.from: a small Buffer is a slice of a shared 8 kB slab, which a kept body would hold on to.
  const bytes = utf8.encode(JSON.stringify(body))
  return { bytes, tag: entityTag(bytes) }
}

/**
 * A JSON response with an ETag, or 304 Not Modified with only headers when the request's If-None-Match
 * already names it: a client polling for something that has not changed downloads nothing.
 */
export function conditionalJsonResponse(request: Request, body: unknown, requestId: string): Response {
  return conditionalSerialisedResponse(request, serialise(body), requestId)
}

/** conditionalJsonResponse for a body already serialised and tagged; `headers`: the handler's context's headers, as for jsonResponse. */
export function conditionalSerialisedResponse(
  request: Request,
  { bytes, tag }: SerialisedBody,
  requestId: string,
  headers: Record<string, string> = {},
): Response {
  if (noneMatch(request.headers.get('if-none-match'), tag))
    return new Response(null, { status: 304, headers: apiHeaders(requestId, { ...headers, ETag: tag }) })
  return jsonTextResponse(bytes, requestId, { headers: { ...headers, ETag: tag } })
}
