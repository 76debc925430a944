import 'server-only'
import { getConnection } from '@/db'
import { apiClientStatus } from '@/lib/api-clients/status'
import { env } from '@/lib/env'
import { outsideRequest } from '@/lib/http/request-id'
import { checkTokenShape, hashToken } from '@/lib/tokens/format'
import { tokenHasStopped, verifyTokenHash, type TokenVerification } from '@/lib/tokens/verify'
import { cacheIsTrustworthy, listenForClientChanges } from '@/lib/token-cache/change-listener'
import { verificationCache } from '@/lib/token-cache/client-changes'
import { liveTokens } from './live-tokens'
import { unknownTokens } from './unknown-tokens'

export type Authentication = TokenVerification | { ok: false; reason: 'missing' }

/**
 * What is known about a token before the database: a decision, or the hash to look it up by. The token is
 * checked and hashed here once; only the hash goes on, so the plaintext is never held past this point.
 */
export type Screening = { decided: Authentication } | { decided: undefined; hash: string }

const expiredOn = (expiresOn: string, now: Date) => apiClientStatus({ revokedAt: null, expiresOn }, now) === 'expired'

/**
 * Decides what can be decided without the database: a missing, malformed or mistyped token is refused,
 * and a cached client is accepted unless it has expired since or its token's overlap has ended (both are
 * recomputed from `now` on every request, so a cached token still stops at midnight UK time, and a
 * replaced one at the chosen instant on every instance, notification or not).
 */
export function screenToken(token: string | undefined, now: Date): Screening {
  if (token === undefined) return { decided: { ok: false, reason: 'missing' } }
  const shape = checkTokenShape(token)
  if (shape !== 'ok') return { decided: { ok: false, reason: shape } }
  const hash = hashToken(token, env().TOKEN_PEPPER)
  const trusted = cacheIsTrustworthy()
  const cache = verificationCache()
  // A hash found unknown since the last change to any client: refused again without the database (unknown-tokens.ts).
  if (trusted && unknownTokens().has(hash, cache.generation)) return { decided: { ok: false, reason: 'unknown' } }
  const client = trusted ? cache.get(hash, now.getTime()) : undefined
  if (!client) return { decided: undefined, hash }
  if (expiredOn(client.expiresOn, now)) return { decided: { ok: false, reason: 'expired', clientId: client.id } }
  if (tokenHasStopped(client.tokenStopsAt, now)) return { decided: { ok: false, reason: 'replaced', clientId: client.id } }
  return { decided: { ok: true, client } }
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
export async function lookUpToken(hash: string, now: Date): Promise<Authentication> {
  const cache = verificationCache()
  const connection = await getConnection()
  // Started by the first request that needs it, but not part of it (lib/http/request-id.ts).
  outsideRequest(() => listenForClientChanges(connection))
  const live = liveTokens(connection)
  // Read before the reload: a change to any client during it means the answer may be out of date.
  const before = cache.generation
  const entry = live.entryOf(hash) ?? (await live.freshEntryOf(hash))
  if (entry === undefined) {
    // A token this process has seen refused is still known: its refusal says whose it was (usage counts).
    const known = live.refusalOf(hash)
    if (known) return { ok: false, ...known }
    if (cacheIsTrustworthy()) unknownTokens().add(hash, before)
    return { ok: false, reason: 'unknown' }
  }
  if (expiredOn(entry.expiresOn, now)) return { ok: false, reason: 'expired', clientId: entry.clientId }
  if (tokenHasStopped(entry.stopsAt, now)) return { ok: false, reason: 'replaced', clientId: entry.clientId }
  // Read before the database: if any client changes while we wait, this result is not cached.
  const generation = cache.generation
  tokenLookups += 1
  const result = await verifyTokenHash(connection.db, hash, now)
  // A revoked or deleted client's hash leaves the set, so repeating its token costs reloads, not lookups.
  if (!result.ok) live.drop(hash, 'clientId' in result ? { clientId: result.clientId, reason: result.reason } : undefined)
  else if (cacheIsTrustworthy()) cache.set(hash, result.client, now.getTime(), generation)
  return result
}
