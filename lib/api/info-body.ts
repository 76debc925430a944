import type { z } from 'zod'
import type { infoResponseSchema } from '@/lib/openapi/components'
import type { VerifiedClient } from '@/lib/tokens/verify'

export type InfoBody = z.infer<typeof infoResponseSchema>

/**
 * The body of GET /api/v1/info for a valid token's client. Built to the schema's type rather than parsed
 * through it on every request (issue 16): info-body.test.ts parses what this builds with infoResponseSchema.
 */
export function infoBody(client: Pick<VerifiedClient, 'name' | 'expiresOn' | 'tokenStopsAt'>): InfoBody {
  return { status: 'ok', version: 'v1', client: { name: client.name, expires_on: client.expiresOn, token_stops_at: client.tokenStopsAt } }
}

const utf8 = new TextEncoder()
// By the client object itself: the verification cache replaces a client's object whenever the client changes, so a
// kept body lives exactly as long as the object it was built from (lib/token-cache/verification-cache.ts), and nothing writes to one.
const kept = new WeakMap<VerifiedClient, Uint8Array<ArrayBuffer>>()

/** infoBody as the UTF-8 bytes sent, serialised once for each cached client (3–5 µs a request: bench/README.md). */
export function infoBodyBytes(client: VerifiedClient): Uint8Array<ArrayBuffer> {
  let bytes = kept.get(client)
  if (bytes === undefined) {
    bytes = utf8.encode(JSON.stringify(infoBody(client)))
    kept.set(client, bytes)
  }
  return bytes
}
