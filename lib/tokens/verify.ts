import { eq } from 'drizzle-orm'
import type { Database } from '@/db/client'
import { apiClients, users } from '@/db/schema'
import { apiClientStatus } from '@/lib/api-clients/status'
import { checkTokenShape, hashToken } from './format'

/** Why a token was refused: logged server-side only, since every refusal gets the same 401 (docs/product/tokens.md). */
export type TokenRefusal = 'malformed' | 'bad-checksum' | 'unknown' | 'expired' | 'revoked' | 'deleted' | 'creator-inactive'

/** The client a valid token belongs to: nothing secret, nothing about its token. */
export type VerifiedClient = { id: string; name: string; expiresOn: string; createdById: string }

/**
 * The outcome of checking one bearer token. A refusal names the client when the token is one the client
 * really holds but may not use now (revoked or expired), so the client's usage can count it as refused.
 */
export type TokenVerification = { ok: true; client: VerifiedClient } | { ok: false; reason: TokenRefusal; clientId?: string }

/** Checks a plaintext token at a given instant. */
export type TokenVerifier = (plaintext: string, now: Date) => Promise<TokenVerification>

const refuse = (reason: TokenRefusal, clientId?: string): TokenVerification => (clientId ? { ok: false, reason, clientId } : { ok: false, reason })

/**
 * A verifier for tokens hashed with `pepper`. The environment word is not compared with this server's:
 * a `live` token on a test server was hashed with the live pepper, so it is simply not found.
 */
export function createTokenVerifier(db: Database, pepper: string): TokenVerifier {
  return async function verifyToken(plaintext, now) {
    const shape = checkTokenShape(plaintext)
    // Typos and junk stop here, so a flood of garbage cannot reach the database.
    if (shape !== 'ok') return refuse(shape)

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
      .where(eq(apiClients.tokenHash, hashToken(plaintext, pepper)))
      .limit(1)

    if (!row) return refuse('unknown')
    if (row.deletedAt) return refuse('deleted')
    if (row.revokedAt) return refuse('revoked', row.id)
    // A client acts for the person who made it: when they lose access, so does the client.
    if (!row.creatorActive || row.creatorDeletedAt) return refuse('creator-inactive')
    if (apiClientStatus(row, now) === 'expired') return refuse('expired', row.id)
    return { ok: true, client: { id: row.id, name: row.name, expiresOn: row.expiresOn, createdById: row.createdById } }
  }
}
