import type { VerifiedClient } from '@/lib/tokens/verify'
import { clientAddress } from './client-address'

/**
 * Whether a verified client may be used from where this request came (docs/decisions/0026). The address is
 * the one rate limiting uses: the X-Forwarded-For entry our outermost trusted proxy wrote (TRUST_PROXY).
 * Without a trusted proxy no address can be known, so a client with an allowlist is refused everywhere
 * rather than trusting a header any caller can write; a client without one is not affected.
 */
export function fromAllowedAddress(client: VerifiedClient, headers: Headers, trustedProxies: number): boolean {
  if (!client.addressAllowlist) return true
  return client.addressAllowlist.allows(clientAddress(headers, trustedProxies))
}
