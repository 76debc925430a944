import 'server-only'
import { env } from '@/lib/env'
import type { TokenRefusal, VerifiedClient } from '@/lib/tokens/verify'
import { bearerToken } from './bearer'
import { lookUpToken, screenToken, type Authentication } from './authenticate'
import { clientAddress } from './client-address'
import type { RateLimitDecision } from './rate-limit-headers'
import { consumeAddressRequest, consumeClientRequest, refundAddressRequest } from './rate-limits'

/** Whether a request may reach its handler, and the rate-limit bucket that was counted. */
export type Admission =
  | { outcome: 'admitted'; client: VerifiedClient; limit: RateLimitDecision }
  | { outcome: 'refused'; reason: TokenRefusal | 'missing'; limit: RateLimitDecision }
  | { outcome: 'rate-limited'; bucket: 'client' | 'address'; limit: RateLimitDecision }

async function refusedOrLimited(result: Authentication & { ok: false }, address: string): Promise<Admission> {
  const limit = await consumeAddressRequest(address)
  return limit.allowed ? { outcome: 'refused', reason: result.reason, limit } : { outcome: 'rate-limited', bucket: 'address', limit }
}

/**
 * Authenticates and rate-limits one register API request (SPEC 3.2). A request without a valid token
 * counts against its address. A well-formed token that is not cached is counted against its address
 * *before* the database sees it, so a flood of made-up tokens stops at the limit without reaching
 * PostgreSQL; the point is given back if the token turns out valid. A valid token counts against its
 * client's own bucket instead.
 */
export async function admitRequest(request: Request, now: Date): Promise<Admission> {
  const address = clientAddress(request.headers, env().TRUST_PROXY)
  const screening = screenToken(bearerToken(request.headers.get('authorization')), now)
  let result: Authentication
  if (screening.decided !== undefined) result = screening.decided
  else {
    const gate = await consumeAddressRequest(address)
    if (!gate.allowed) return { outcome: 'rate-limited', bucket: 'address', limit: gate }
    result = await lookUpToken(screening.token, screening.hash, now)
    if (!result.ok) return { outcome: 'refused', reason: result.reason, limit: gate }
    await refundAddressRequest(address)
  }
  if (!result.ok) return refusedOrLimited(result, address)
  const limit = await consumeClientRequest(result.client.id)
  return limit.allowed ? { outcome: 'admitted', client: result.client, limit } : { outcome: 'rate-limited', bucket: 'client', limit }
}
