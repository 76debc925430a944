import { sql } from 'drizzle-orm'
import type { Database } from '@/db/client'

// last_used_at may trail the truth by about a minute but must not cost a write per request
// (docs/product/tokens.md), so each client is written at most once a minute. Uses are kept in memory and a
// client is written once its last write is a minute old: checked every second, its stored value trails the
// truth by at most 61 s, and an instance never writes it twice in 60 s.
export const flushEveryMs = 1_000
export const minimumGapMs = 60_000
// One UPDATE carries at most this many clients, keeping the statement's parameters well under 65,535.
const batchSize = 1_000

/** Uses not yet written, and when each client was last written, for one process. */
export type UseLedger = { pending: Map<string, number>; writtenAt: Map<string, number> }

/** An empty ledger. */
export function newUseLedger(): UseLedger {
  return { pending: new Map(), writtenAt: new Map() }
}

/** Notes that a client was used at `atMs`, keeping only the latest use. */
export function noteUse(ledger: UseLedger, clientId: string, atMs: number): void {
  const previous = ledger.pending.get(clientId)
  if (previous === undefined || atMs > previous) ledger.pending.set(clientId, atMs)
}

/**
 * Takes the uses due for writing out of the ledger: every pending client not written in the last
 * `minimumGapMs` (all of them when `everything`, as at shutdown), marking them written at `nowMs`.
 */
export function takeDueUses(ledger: UseLedger, nowMs: number, everything = false): Array<[string, number]> {
  const due: Array<[string, number]> = []
  for (const [clientId, atMs] of ledger.pending) {
    const writtenAt = ledger.writtenAt.get(clientId)
    if (!everything && writtenAt !== undefined && nowMs - writtenAt < minimumGapMs) continue
    due.push([clientId, atMs])
    ledger.pending.delete(clientId)
    ledger.writtenAt.set(clientId, nowMs)
  }
  // Forget write times that no longer hold anything back, so the ledger stays as small as the active clients.
  for (const [clientId, writtenAt] of ledger.writtenAt) if (nowMs - writtenAt >= minimumGapMs) ledger.writtenAt.delete(clientId)
  return due
}

/** Puts uses back after a failed write, so the next flush tries them again. */
export function returnUses(ledger: UseLedger, uses: Array<[string, number]>): void {
  for (const [clientId, atMs] of uses) {
    noteUse(ledger, clientId, atMs)
    ledger.writtenAt.delete(clientId)
  }
}

/**
 * Writes last_used_at for many clients in one statement per batch. It only moves the value forward, so
 * instances flushing in any order agree, and it sets nothing else: the api_clients trigger leaves
 * updated_at alone when only last_used_at changes (db/migrations/0001_triggers.sql).
 */
export async function writeLastUses(db: Database, uses: Array<[string, number]>): Promise<void> {
  for (let start = 0; start < uses.length; start += batchSize) {
    const rows = uses.slice(start, start + batchSize).map(([id, atMs]) => sql`(${id}::uuid, ${new Date(atMs).toISOString()}::timestamptz)`)
    await db.execute(sql`
      update api_clients set last_used_at = used.at
      from (values ${sql.join(rows, sql`, `)}) as used (id, at)
      where api_clients.id = used.id and (api_clients.last_used_at is null or api_clients.last_used_at < used.at)`)
  }
}
