import 'server-only'
import { env } from '@/lib/env'
import type { TokenRefusal, VerifiedClient } from '@/lib/tokens/verify'
import { bearerToken } from './bearer'
import { lookUpToken, screenToken, type Screening } from './authenticate'
import { fromAllowedAddress } from './allowed-address'
import { clientAddress } from './client-address'
import type { RateLimitDecision } from './rate-limit-headers'
import { consumeAddressRequest, consumeClientRequest, prepareRateLimits } from './rate-limits'

/**
 * Whether a request may reach its handler, and the rate-limit bucket that was counted. `clientId` names the
 * client whose usage counts the request, when its token is one a client really holds.
 */
export type Admission =
  | { outcome: 'admitted'; client: VerifiedClient; limit: RateLimitDecision }
  /**
   * `clientId` when the token's hash is known (revoked, deleted, expired, replaced…), so refusals can be counted per
   * client. `address-not-allowed`: a valid token from outside its client's allowlist (403, not 401).
   */
  | { outcome: 'refused'; reason: AdmissionRefusal; clientId?: string; limit: RateLimitDecision }
  | { outcome: 'rate-limited'; bucket: 'client' | 'address'; clientId?: string; limit: RateLimitDecision; client?: VerifiedClient }

/** Why a request was refused before its handler. */
export type AdmissionRefusal = TokenRefusal | 'missing' | 'address-not-allowed'

/** A refused token's admission: refused, or rate-limited once its address's bucket is full. */
export async function refusedOrLimited(result: { reason: AdmissionRefusal; clientId?: string }, address: string): Promise<Exclude<Admission, { outcome: 'admitted' }>> {
  const limit = await consumeAddressRequest(address)
  const clientId = result.clientId
  const known = clientId === undefined ? {} : { clientId }
  return limit.allowed ? { outcome: 'refused', reason: result.reason, ...known, limit } : { outcome: 'rate-limited', bucket: 'address', ...known, limit }
}

/**
 * Authenticates and rate-limits one register API request (docs/product/tokens.md, docs/decisions/0015). A
 * valid token, cached or not, never consults the address bucket, so junk from the same address (or, without a
 * trusted proxy, from anywhere) cannot lock it out: it counts against its client's own bucket. A request
 * refused for its token counts against its address, and gets 429 once that is full. The database is protected
 * by the token lookup itself, not by the address bucket: junk never reaches it, and a well-formed token that
 * no client has costs at most a shared reload of the live set, at most one every 100 ms.
 */
export async function admitRequest(request: Request, now: Date, screened?: Screening): Promise<Admission> {
  prepareRateLimits()
  // `screened`: the front door's screening of this request's token (lib/api/early-refusal.ts), made at `now`.
  const screening = screened ?? screenToken(bearerToken(request.headers.get('authorization')), now)
  const result = screening.decided ?? (await lookUpToken(screening.hash, now))
  if (!result.ok) return refusedOrLimited(result, clientAddress(request.headers, env().TRUST_PROXY))
  // After authentication, and before the client's bucket: a leaked token used from elsewhere spends its
  // caller's address bucket, never the client's own, so it cannot lock the real client out.
  if (!fromAllowedAddress(result.client, request.headers, env().TRUST_PROXY)) {
    return refusedOrLimited({ reason: 'address-not-allowed', clientId: result.client.id }, clientAddress(request.headers, env().TRUST_PROXY))
  }
  const limit = await consumeClientRequest(result.client.id)
  return limit.allowed
    ? { outcome: 'admitted', client: result.client, limit }
    : { outcome: 'rate-limited', bucket: 'client', clientId: result.client.id, limit, client: result.client }
}
