import { eq } from 'drizzle-orm'
import type { Database } from '@/db/client'
import { apiClients, users } from '@/db/schema'
import { apiClientStatus } from '@/lib/api-clients/status'

/** Why a token was refused: logged server-side only, since every refusal gets the same 401 (docs/product/tokens.md). */
export type TokenRefusal = 'malformed' | 'bad-checksum' | 'unknown' | 'expired' | 'revoked' | 'deleted' | 'creator-inactive'

/** The client a valid token belongs to: nothing secret, nothing about its token. */
export type VerifiedClient = { id: string; name: string; expiresOn: string; createdById: string }

/** The outcome of checking one bearer token. */
export type TokenVerification = { ok: true; client: VerifiedClient } | { ok: false; reason: TokenRefusal }

const refuse = (reason: TokenRefusal): TokenVerification => ({ ok: false, reason })

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
    })
    .from(apiClients)
    .innerJoin(users, eq(users.id, apiClients.createdById))
    .where(eq(apiClients.tokenHash, hash))
    .limit(1)

  if (!row) return refuse('unknown')
  if (row.deletedAt) return refuse('deleted')
  if (row.revokedAt) return refuse('revoked')
  // A client acts for the person who made it: when they lose access, so does the client.
  if (!row.creatorActive || row.creatorDeletedAt) return refuse('creator-inactive')
  if (apiClientStatus(row, now) === 'expired') return refuse('expired')
  return { ok: true, client: { id: row.id, name: row.name, expiresOn: row.expiresOn, createdById: row.createdById } }
}
