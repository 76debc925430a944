import 'server-only'
import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import type { Database } from '@/db'
import { providerChanges, providers } from '@/db/schema'
import type { FeedCursor } from './feed-cursor'
import { providerColumns, withChildren, type ProviderRecord } from './queries'

/** One entry of the change feed: a provider as it is now, or the news that it is no longer served. */
export type ProviderChange =
  { change: 'updated'; id: string; changedAt: Date; provider: ProviderRecord } | { change: 'removed'; id: string; changedAt: Date }

export type ChangePage =
  | { outcome: 'page'; changes: ProviderChange[]; next: FeedCursor; hasMore: boolean }
  /** The cursor is ahead of every transaction this database has run: it came from another database, or one since restored. */
  | { outcome: 'unknown-cursor' }

/**
 * A page of the change feed after `cursor`, in (xid, seq) order. It serves only changes made by transactions
 * older than every transaction still running (pg_snapshot_xmin of the statement's snapshot), so no change can
 * ever be written behind a cursor already served: a transaction still open, however long, holds the feed back
 * rather than being passed. No clocks are involved.
 *
 * The change rows and their providers are one statement; the children are read just after, as the provider
 * list reads them. A child changed in between was changed by a transaction at or above this page's horizon,
 * which also moved the provider's change row there, past the cursor: the provider is served again, with that
 * change, later. So the children need not share the page's snapshot, and an idle poll is a single query.
 */
export async function readProviderChanges(db: Database, cursor: FeedCursor, perPage: number): Promise<ChangePage> {
  const rows = await db
    .select({
      providerId: providerChanges.providerId,
      changedAt: providerChanges.changedAt,
      xid: sql<string>`${providerChanges.xid}::text`,
      seq: providerChanges.seq,
      // Null (Drizzle makes the whole object null) unless the provider is live: the join asks for live ones only.
      provider: providerColumns,
    })
    .from(providerChanges)
    .leftJoin(providers, and(eq(providers.id, providerChanges.providerId), isNull(providers.archivedAt), isNull(providers.deletedAt)))
    .where(
      and(
        sql`(${providerChanges.xid}, ${providerChanges.seq}) > (${cursor.xid.toString()}::xid8, ${cursor.seq.toString()}::bigint)`,
        // Stable within the statement, so it is computed once and bounds the index scan.
        sql`${providerChanges.xid} < pg_snapshot_xmin(pg_current_snapshot())`,
      ),
    )
    .orderBy(asc(providerChanges.xid), asc(providerChanges.seq))
    .limit(perPage + 1)
  // Every cursor this database served is below its horizon, so only an empty page can hide one from the future.
  if (rows.length === 0 && cursor.xid > 0n) {
    const [snapshot] = await db.select({ xmax: sql<string>`pg_snapshot_xmax(pg_current_snapshot())::text` }).from(sql`(select 1) as one`)
    if (!snapshot || cursor.xid >= BigInt(snapshot.xmax)) return { outcome: 'unknown-cursor' }
  }
  const page = rows.slice(0, perPage)
  const live = page.flatMap((row) => (row.provider ? [row.provider] : []))
  const records = new Map((await withChildren(db, live)).map((record) => [record.id, record]))
  const changes = page.map(({ providerId, changedAt }): ProviderChange => {
    const provider = records.get(providerId)
    return provider ? { change: 'updated', id: providerId, changedAt, provider } : { change: 'removed', id: providerId, changedAt }
  })
  const last = page.at(-1)
  return { outcome: 'page', changes, next: last ? { xid: BigInt(last.xid), seq: last.seq } : cursor, hasMore: rows.length > perPage }
}
