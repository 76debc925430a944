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
 * older than every transaction still running (pg_snapshot_xmin of the snapshot), so no change can ever be
 * written behind a cursor already served: a transaction still open, however long, holds the feed back rather
 * than being passed. The page is read in one repeatable-read snapshot, so each provider is served as its
 * change row says, with its children as of the same moment. No clocks are involved.
 */
export async function readProviderChanges(db: Database, cursor: FeedCursor, perPage: number): Promise<ChangePage> {
  return db.transaction(
    async (tx) => {
      // The first statement takes the transaction's snapshot; every later one reads the same.
      const [snapshot] = await tx
        .select({ xmin: sql<string>`pg_snapshot_xmin(s)::text`, xmax: sql<string>`pg_snapshot_xmax(s)::text` })
        .from(sql`pg_current_snapshot() as s`)
      if (!snapshot || cursor.xid >= BigInt(snapshot.xmax)) return { outcome: 'unknown-cursor' as const }
      const rows = await tx
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
            sql`${providerChanges.xid} < ${snapshot.xmin}::xid8`,
          ),
        )
        .orderBy(asc(providerChanges.xid), asc(providerChanges.seq))
        .limit(perPage + 1)
      const page = rows.slice(0, perPage)
      const live = page.flatMap((row) => (row.provider ? [row.provider] : []))
      const records = new Map((await withChildren(tx, live)).map((record) => [record.id, record]))
      const changes = page.map(({ providerId, changedAt }): ProviderChange => {
        const provider = records.get(providerId)
        return provider ? { change: 'updated', id: providerId, changedAt, provider } : { change: 'removed', id: providerId, changedAt }
      })
      const last = page.at(-1)
      return { outcome: 'page' as const, changes, next: last ? { xid: BigInt(last.xid), seq: last.seq } : cursor, hasMore: rows.length > perPage }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  )
}
