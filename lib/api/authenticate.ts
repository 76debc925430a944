import 'server-only'
import { getConnection } from '@/db'
import { apiClientStatus } from '@/lib/api-clients/status'
import { env } from '@/lib/env'
import { checkTokenShape, createTokenVerifier, hashToken, type TokenVerification } from '@/lib/tokens'
import { cacheIsTrustworthy, listenForClientChanges } from './change-listener'
import { verificationCache } from './client-changes'
import { liveTokens } from './live-tokens'

export type Authentication = TokenVerification | { ok: false; reason: 'missing' }

/** What is known about a token before the database: a decision, or the hash to look it up by. */
export type Screening = { decided: Authentication } | { decided: undefined; token: string; hash: string }

const expiredOn = (expiresOn: string, now: Date) => apiClientStatus({ revokedAt: null, expiresOn }, now) === 'expired'

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
  const expired = expiredOn(client.expiresOn, now)
  return { decided: expired ? { ok: false, reason: 'expired', clientId: client.id } : { ok: true, client } }
}

let tokenLookups = 0

/** How many token lookups this process has sent to the database, and how many reloads of the live set (tests, bench). */
export async function databaseLookupCounts(): Promise<{ tokenLookups: number; liveSetLoads: number }> {
  return { tokenLookups, liveSetLoads: liveTokens(await getConnection()).loads }
}

/**
 * Checks a well-formed token that is not cached (docs/decisions/0015). Only a token in the live set, and
 * not expired, is looked up in the database; any other waits for the next reload of the set (shared by
 * every request waiting then, at most one every 100 ms) and is refused without a lookup if it is still
 * not there. A valid token is cached if the cache can be trusted.
 */
export async function lookUpToken(token: string, hash: string, now: Date): Promise<Authentication> {
  const cache = verificationCache()
  const connection = await getConnection()
  listenForClientChanges(connection)
  const live = liveTokens(connection)
  const entry = live.entryOf(hash) ?? (await live.freshEntryOf(hash))
  if (entry === undefined) return { ok: false, reason: 'unknown' }
  // Refused from memory, naming the client so that its usage counts the refusal (lib/usage/counts.ts).
  if (entry.revoked) return { ok: false, reason: 'revoked', clientId: entry.clientId }
  if (expiredOn(entry.expiresOn, now)) return { ok: false, reason: 'expired', clientId: entry.clientId }
  // Read before the database: if any client changes while we wait, this result is not cached.
  const generation = cache.generation
  tokenLookups += 1
  const result = await createTokenVerifier(connection.db, env().TOKEN_PEPPER)(token, now)
  // A refused hash leaves the set: a deleted client's never comes back, so repeating its token costs reloads,
  // not lookups; a revoked one's comes back marked revoked, so repeats are refused from memory.
  if (!result.ok) live.drop(hash)
  else if (cacheIsTrustworthy()) cache.set(hash, result.client, now.getTime(), generation)
  return result
}
