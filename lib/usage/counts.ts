import { sql } from 'drizzle-orm'
import type { Database } from '@/db/client'
import { addMonths, ukDate } from '@/lib/dates'

/** What became of one authenticated register API request, as the Usage section counts it. */
export type UsageOutcome = 'succeeded' | 'rate-limited' | 'refused'

export type UsageCounts = { succeeded: number; rateLimited: number; refused: number }

// Counts are added to the database at most this often per instance: one statement for every client and
// day noted since, so the cost is a write every few seconds, not a write per request, and the Usage
// section trails the truth by at most this (plus the one-second tick that checks it).
export const usageGapMs = 10_000
// Rows older than this many months are deleted (docs/product/api-clients.md#usage).
export const keptMonths = 13
// Five parameters a row: 1,000 rows a statement stays far under PostgreSQL's 65,535.
const batchSize = 1_000

/** Counts not yet written, by client and UK day, for one process; and when they were last written. */
// By client, then by day: both keys are strings the process already holds (the verified client's id, the
// cached day), so a request allocates nothing and hashes nothing new (bench/usage.ts measures it).
export type CountLedger = { pending: Map<string, Map<string, UsageCounts>>; writtenAtMs: number; prunedOn?: string }

/** An empty ledger. */
export function newCountLedger(): CountLedger {
  return { pending: new Map(), writtenAtMs: Number.NEGATIVE_INFINITY }
}

/** The UK calendar date at `atMs` (ukDate keeps the last hour's, so this costs no Intl call). */
export function ukDayAt(atMs: number): string {
  return ukDate(new Date(atMs))
}

/** Adds one request's outcome to the ledger, on the UK day of `atMs`. */
export function noteOutcome(ledger: CountLedger, clientId: string, outcome: UsageOutcome, atMs: number): void {
  const counts = countsFor(ledger, clientId, ukDayAt(atMs))
  if (outcome === 'succeeded') counts.succeeded += 1
  else if (outcome === 'rate-limited') counts.rateLimited += 1
  else counts.refused += 1
}

function countsFor(ledger: CountLedger, clientId: string, day: string): UsageCounts {
  let days = ledger.pending.get(clientId)
  if (!days) {
    days = new Map()
    ledger.pending.set(clientId, days)
  }
  let counts = days.get(day)
  if (!counts) {
    counts = { succeeded: 0, rateLimited: 0, refused: 0 }
    days.set(day, counts)
  }
  return counts
}

export type PendingCount = { clientId: string; day: string; counts: UsageCounts }

/** Takes every pending count out of the ledger if the last write was `usageGapMs` ago (or `everything`, at shutdown). */
export function takeDueCounts(ledger: CountLedger, nowMs: number, everything = false): PendingCount[] {
  if (ledger.pending.size === 0) return []
  if (!everything && nowMs - ledger.writtenAtMs < usageGapMs) return []
  const due: PendingCount[] = []
  for (const [clientId, days] of ledger.pending) for (const [day, counts] of days) due.push({ clientId, day, counts })
  ledger.pending.clear()
  ledger.writtenAtMs = nowMs
  return due
}

/** Puts counts back after a failed write, adding them to any noted since, so none is lost or counted twice. */
export function returnCounts(ledger: CountLedger, counts: PendingCount[]): void {
  for (const { clientId, day, counts: returned } of counts) {
    const entry = countsFor(ledger, clientId, day)
    entry.succeeded += returned.succeeded
    entry.rateLimited += returned.rateLimited
    entry.refused += returned.refused
  }
  ledger.writtenAtMs = Number.NEGATIVE_INFINITY
}

/**
 * Adds counts to the stored ones in one statement per batch; instances adding at the same moment each add
 * their own, so nothing is lost. A client id with no client (never the case for ids from verified tokens)
 * is skipped rather than failing the batch.
 */
export async function addUsageCounts(db: Database, counts: PendingCount[]): Promise<void> {
  for (let start = 0; start < counts.length; start += batchSize) {
    const rows = counts
      .slice(start, start + batchSize)
      .map(({ clientId, day, counts: { succeeded, rateLimited, refused } }) => sql`(${clientId}::uuid, ${day}::date, ${succeeded}::bigint, ${rateLimited}::bigint, ${refused}::bigint)`)
    await db.execute(sql`
      insert into api_client_usage (client_id, day, succeeded, rate_limited, refused)
      select noted.client_id, noted.day, noted.succeeded, noted.rate_limited, noted.refused
      from (values ${sql.join(rows, sql`, `)}) as noted (client_id, day, succeeded, rate_limited, refused)
      join api_clients on api_clients.id = noted.client_id
      on conflict (client_id, day) do update set
        succeeded = api_client_usage.succeeded + excluded.succeeded,
        rate_limited = api_client_usage.rate_limited + excluded.rate_limited,
        refused = api_client_usage.refused + excluded.refused`)
  }
}

/** The first UK day that is kept on `today`: 13 months back. */
export function firstKeptDay(today: string): string {
  return addMonths(today, -keptMonths)
}

/** Whether this process should prune on this UK day: once a day each, the first flush of the day. */
export function pruneDue(ledger: CountLedger, today: string): boolean {
  if (ledger.prunedOn === today) return false
  ledger.prunedOn = today
  return true
}

/** Deletes the rows older than 13 months: an indexed range delete, a day's rows at a time once it has caught up. */
export async function pruneUsage(db: Database, today: string): Promise<void> {
  await db.execute(sql`delete from api_client_usage where day < ${firstKeptDay(today)}::date`)
}
