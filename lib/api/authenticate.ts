import 'server-only'
import { getConnection } from '@/db'
import { apiClientStatus } from '@/lib/api-clients/status'
import { env } from '@/lib/env'
import { checkTokenShape, createTokenVerifier, hashToken, type TokenVerification } from '@/lib/tokens'
import { cacheIsTrustworthy, listenForClientChanges } from './change-listener'
import { verificationCache } from './client-changes'

export type Authentication = TokenVerification | { ok: false; reason: 'missing' }

/** What is known about a token before the database: a decision, or the hash to look it up by. */
export type Screening = { decided: Authentication } | { decided: undefined; token: string; hash: string }

/**
 * Decides what can be decided without the database: a missing, malformed or mistyped token is refused,
 * and a cached client is accepted unless it has expired since (expiry is recomputed from its date and
 * `now` on every request, so a cached client still stops at midnight UK time).
 */
export function screenToken(token: string | undefined, now: Date): Screening {
  if (token === undefined) return { decided: { ok: false, reason: 'missing' } }
  const shape = checkTokenShape(token)
  if (shape !== 'ok') return { decided: { ok: false, reason: shape } }
  const hash = hashToken(token, env().TOKEN_PEPPER)
  const client = cacheIsTrustworthy() ? verificationCache().get(hash, now.getTime()) : undefined
  if (!client) return { decided: undefined, token, hash }
  const expired = apiClientStatus({ revokedAt: null, expiresOn: client.expiresOn }, now) === 'expired'
  return { decided: expired ? { ok: false, reason: 'expired' } : { ok: true, client } }
}

/** Checks a well-formed token in the database, and caches it if it is valid and the cache can be trusted. */
export async function lookUpToken(token: string, hash: string, now: Date): Promise<Authentication> {
  const cache = verificationCache()
  // Read before the database: if any client changes while we wait, this result is not cached.
  const generation = cache.generation
  const connection = await getConnection()
  listenForClientChanges(connection)
  const result = await createTokenVerifier(connection.db, env().TOKEN_PEPPER)(token, now)
  if (result.ok && cacheIsTrustworthy()) cache.set(hash, result.client, now.getTime(), generation)
  return result
}
