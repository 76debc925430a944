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
