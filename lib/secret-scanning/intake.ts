import { inArray } from 'drizzle-orm'
import type { Database } from '@/db/client'
import { apiClientTokens } from '@/db/schema'
import { revokeLeakedApiClient } from '@/lib/api-clients/commands'
import { logger } from '@/lib/logger'
import { checkTokenShape, hashToken } from '@/lib/tokens/format'
import { tokenHasStopped } from '@/lib/tokens/verify'
import { leakAnswer, type LeakAnswer, type LeakedToken } from './report'

/** What the intake needs: the pepper tokens are hashed with, the time, and what to do once a client is revoked (e-mail its creator). */
export type IntakeSettings = {
  pepper: string
  now: Date
  afterRevoking?: (revoked: { clientId: string; foundAtUrl: string }) => Promise<void>
}

/** The answers for GitHub, one per match in its order, and the clients this report revoked. */
export type IntakeResult = { answers: LeakAnswer[]; revokedClientIds: string[] }

type KnownToken = { clientId: string; stopsAt: Date | null }

// Bounds each lookup's parameter list; a report of thousands of matches takes a few queries, not thousands.
const lookupChunk = 1_000

/** The tokens the service has issued among these hashes, by hash: replaced and revoked ones included. */
async function knownTokens(db: Database, hashes: string[]): Promise<Map<string, KnownToken>> {
  const known = new Map<string, KnownToken>()
  for (let start = 0; start < hashes.length; start += lookupChunk) {
    const rows = await db
      .select({ hash: apiClientTokens.tokenHash, clientId: apiClientTokens.clientId, stopsAt: apiClientTokens.stopsAt })
      .from(apiClientTokens)
      .where(inArray(apiClientTokens.tokenHash, hashes.slice(start, start + lookupChunk)))
    for (const row of rows) known.set(row.hash, { clientId: row.clientId, stopsAt: row.stopsAt })
  }
  return known
}

/** Each match's hash, or undefined for a string that is not shaped like one of our tokens (no lookup for those). */
function hashesOf(matches: LeakedToken[], pepper: string): Array<string | undefined> {
  return matches.map((match) => (checkTokenShape(match.token) === 'ok' ? hashToken(match.token, pepper) : undefined))
}

/**
 * Takes in a verified report from GitHub (docs/product/secret-scanning.md). Every match that is one of our tokens
 * is `true_positive`, whatever became of it; anything else is `false_positive`. A token that still works revokes
 * its client at once, as the system, with where it was found; each client once, however often it appears. Already
 * revoked, expired, deleted or replaced tokens change nothing. The plaintext tokens are never logged or stored.
 */
export async function takeInLeakReport(db: Database, matches: LeakedToken[], settings: IntakeSettings): Promise<IntakeResult> {
  const hashes = hashesOf(matches, settings.pepper)
  const known = await knownTokens(db, [...new Set(hashes.filter((hash) => hash !== undefined))])
  // The first address each working token's client was reported at, in the report's order.
  const toRevoke = new Map<string, LeakedToken>()
  hashes.forEach((hash, index) => {
    const token = hash === undefined ? undefined : known.get(hash)
    const match = matches[index]
    if (token && match && !tokenHasStopped(token.stopsAt, settings.now) && !toRevoke.has(token.clientId)) toRevoke.set(token.clientId, match)
  })
  const revokedClientIds: string[] = []
  const followUps: Array<Promise<void> | undefined> = []
  for (const [clientId, match] of toRevoke) {
    const result = await revokeLeakedApiClient(db, { id: clientId, at: settings.now, foundAtUrl: match.url })
    if (result.outcome !== 'changed') continue
    revokedClientIds.push(clientId)
    logger.warn('secret scanning: a token was found in public and its API client revoked', { clientId, url: match.url, source: match.source })
    // Started at once but awaited together: every revocation is made first, and a slow Notify delays the answer once, not per client.
    followUps.push(settings.afterRevoking?.({ clientId, foundAtUrl: match.url }))
  }
  await Promise.allSettled(followUps)
  const answers = matches.map((match, index) => {
    const hash = hashes[index]
    return leakAnswer(match, hash !== undefined && known.has(hash) ? 'true_positive' : 'false_positive')
  })
  return { answers, revokedClientIds }
}
