import { eq } from 'drizzle-orm'
import type { Database } from '@/db/client'
import { apiClients, apiClientTokens, users } from '@/db/schema'
import { compileAddressAllowlist, type AddressAllowlist } from '@/lib/api-clients/address-allowlist'
import { apiClientStatus } from '@/lib/api-clients/status'

/** Refusals of a token no client has, or of one not even worth looking up. */
export type UnknownTokenRefusal = 'malformed' | 'bad-checksum' | 'unknown'

/**
 * Refusals of a token whose hash the database knows: its client is deleted, revoked, its creator's access
 * ended, the client expired, or the token was replaced and its overlap is over (`replaced`).
 */
export type KnownTokenRefusal = 'expired' | 'revoked' | 'deleted' | 'creator-inactive' | 'replaced'

/** Why a token was refused: logged server-side only, since every refusal gets the same 401 (docs/product/tokens.md). */
export type TokenRefusal = UnknownTokenRefusal | KnownTokenRefusal

/**
 * The client a valid token belongs to: nothing secret, nothing about its token but when it stops working
 * early (the end of a regeneration's overlap, ISO 8601), or null when it works as long as the client.
 * `addressAllowlist`, compiled once here and cached with the rest, is absent when any address may call.
 */
export type VerifiedClient = {
  id: string
  name: string
  expiresOn: string
  createdById: string
  tokenStopsAt: string | null
  addressAllowlist?: AddressAllowlist
}

/**
 * The outcome of checking one bearer token. A refusal of a known token names its client, so that refused
 * requests can be counted per client without telling the caller anything (the 401 is the same).
 */
export type TokenVerification =
  { ok: true; client: VerifiedClient } | { ok: false; reason: UnknownTokenRefusal } | { ok: false; reason: KnownTokenRefusal; clientId: string }

/** The client a refused token belongs to, if its hash is known; undefined for an unknown or malformed token. */
export function refusedClientId(result: { ok: false; reason: string; clientId?: string }): string | undefined {
  return result.clientId
}

/** Whether a token that stops at `stopsAt` (ISO 8601 or a Date) has stopped at `now`: it works up to, not at, that instant. */
export function tokenHasStopped(stopsAt: string | Date | null, now: Date): boolean {
  return stopsAt !== null && new Date(stopsAt).getTime() <= now.getTime()
}

/**
 * Decides, at `now`, the token whose HMAC is `hash` (lib/tokens/format.ts hashToken). The caller has checked the
 * token's shape and hashed it once (lib/api/authenticate.ts screenToken), so junk never reaches the database and
 * the plaintext goes no further. The environment word is not compared with this server's: a `live` token on a
 * test server was hashed with the live pepper, so it is simply not found.
 */
export async function verifyTokenHash(db: Database, hash: string, now: Date): Promise<TokenVerification> {
  // One indexed lookup by hash. Comparing hashes, not tokens, leaves nothing for a timing attack to learn.
  const [row] = await db
    .select({
      id: apiClients.id,
      name: apiClients.name,
      expiresOn: apiClients.expiresOn,
      createdById: apiClients.createdById,
      revokedAt: apiClients.revokedAt,
      deletedAt: apiClients.deletedAt,
      creatorActive: users.active,
      creatorDeletedAt: users.deletedAt,
      stopsAt: apiClientTokens.stopsAt,
      allowedAddresses: apiClients.allowedAddresses,
    })
    .from(apiClientTokens)
    .innerJoin(apiClients, eq(apiClients.id, apiClientTokens.clientId))
    .innerJoin(users, eq(users.id, apiClients.createdById))
    .where(eq(apiClientTokens.tokenHash, hash))
    .limit(1)

  if (!row) return { ok: false, reason: 'unknown' }
  const refuse = (reason: KnownTokenRefusal): TokenVerification => ({ ok: false, reason, clientId: row.id })
  if (row.deletedAt) return refuse('deleted')
  if (row.revokedAt) return refuse('revoked')
  // A client acts for the person who made it: when they lose access, so does the client.
  if (!row.creatorActive || row.creatorDeletedAt) return refuse('creator-inactive')
  if (apiClientStatus(row, now) === 'expired') return refuse('expired')
  if (tokenHasStopped(row.stopsAt, now)) return refuse('replaced')
  const addressAllowlist = compileAddressAllowlist(row.allowedAddresses)
  return {
    ok: true,
    client: {
      id: row.id,
      name: row.name,
      expiresOn: row.expiresOn,
      createdById: row.createdById,
      tokenStopsAt: row.stopsAt?.toISOString() ?? null,
      ...(addressAllowlist ? { addressAllowlist } : {}),
    },
  }
}
