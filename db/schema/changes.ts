import { sql } from 'drizzle-orm'
import { bigserial, check, customType, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

export const providerChangeKinds = ['updated', 'removed'] as const
export type ProviderChangeKind = (typeof providerChangeKinds)[number]

/** PostgreSQL's 64-bit transaction id, read and written as its decimal text (it can pass 2^53). */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' })

/**
 * The register API's change feed (GET /api/v1/providers/changes, docs/decisions/0014): one row per provider,
 * rewritten by triggers (migration 0005) in the same transaction as any change to what the API serves about it.
 * `xid` is the writing transaction's id and `seq` the order of writes; the feed serves rows in (xid, seq) order,
 * and only those whose transaction is older than every transaction still running, so none can appear behind a cursor.
 * No foreign key: a provider removed from the table for good keeps its row, as a removal.
 */
export const providerChanges = pgTable(
  'provider_changes',
  {
    providerId: uuid('provider_id').primaryKey(),
    change: text('change').$type<ProviderChangeKind>().notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    xid: xid8('xid')
      .notNull()
      .default(sql`pg_current_xact_id()`),
    seq: bigserial('seq', { mode: 'bigint' }).notNull(),
  },
  (table) => [
    index('provider_changes_xid_seq').on(table.xid, table.seq),
    check('provider_changes_change', sql`${table.change} in ('updated', 'removed')`),
  ],
)
