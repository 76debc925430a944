import { and, gte, inArray, lt, sql, type SQL } from 'drizzle-orm'
import type { Database } from '@/db'
import { revisions } from '@/db/schema'
import type { CurrentUser } from '@/lib/auth/roles'
import { byteOrderMark, csvRow } from '@/lib/csv'
import { selectActivity, toItem, visibleRevisionIds, type ActivityRow } from './activity'
import { changeLines } from './export-changes'

/** The instants a download covers: from `start` (inclusive) to `end` (exclusive), whole UK days (export-range.ts). */
export type ExportWindow = { start: Date; end: Date }

/** Revisions read per query: a year of history never sits in memory, and each query stays short. */
export const exportBatchSize = 500

export const exportHeader = ['Time (UTC)', 'Type', 'ID', 'Name', 'Revision', 'Action', 'By', 'Changes'] as const

const oldestFirst = [sql`${revisions.createdAt} asc nulls first`, sql`${revisions.id} asc nulls first`]

// Where the last batch ended. created_at is kept as PostgreSQL's own text, since a JavaScript Date would round
// microseconds away and a row written with them would then come round again.
type Cursor = { at: string; id: number }

/**
 * The revisions a person may see in the window, oldest first, `batchSize` at a time: each batch is one keyset
 * query after the last row of the one before, so memory holds one batch whatever the range.
 */
export async function* activityExportBatches(
  db: Database,
  viewer: CurrentUser,
  window: ExportWindow,
  batchSize = exportBatchSize,
): AsyncGenerator<ActivityRow[]> {
  let cursor: Cursor | undefined
  for (;;) {
    const inWindow = and(gte(revisions.createdAt, window.start), lt(revisions.createdAt, window.end), after(cursor))
    // Ids first, then their details: joined in one query, PostgreSQL sorted every row left in the window for
    // each batch. `nulls first` (the columns are never null) is what a backward scan of revisions_created_at
    // (`desc`, so nulls last) gives; without it PostgreSQL sorts instead (decision 0025 has the plans).
    const ids = visibleRevisionIds(db, viewer, inWindow)
      .orderBy(...oldestFirst)
      .limit(batchSize)
    const rows = await selectActivity(db, inArray(revisions.id, ids), 'oldest-first')
    const last = rows.at(-1)
    if (!last) return
    cursor = { at: await exactTime(db, last.revision.id), id: last.revision.id }
    yield rows
    if (rows.length < batchSize) return
  }
}

function after(cursor: Cursor | undefined): SQL | undefined {
  if (!cursor) return undefined
  return sql`(${revisions.createdAt}, ${revisions.id}) > (${cursor.at}::timestamptz, ${cursor.id})`
}

// One primary-key lookup per batch, rather than a column added to the query every history page shares.
async function exactTime(db: Database, id: number): Promise<string> {
  const [row] = await db
    .select({ at: sql<string>`${revisions.createdAt}::text` })
    .from(revisions)
    .where(sql`${revisions.id} = ${id}`)
  if (!row) throw new Error('a revision just read has gone')
  return row.at
}

/** One revision as a CSV record, in the order of exportHeader. */
export function exportRecord(row: ActivityRow): string[] {
  const item = toItem(row)
  const { revision } = row
  return [
    revision.createdAt.toISOString(),
    item.subject === 'user' ? 'User' : 'API client',
    revision.entityId,
    item.subject === 'user' ? item.name : item.clientName,
    String(revision.revisionNumber),
    item.title,
    item.actorName ?? 'System',
    changeLines(revision).join('\n'),
  ]
}

/** The whole download as text chunks: byte order mark and header, then one chunk per batch of revisions. */
export async function* activityCsv(db: Database, viewer: CurrentUser, window: ExportWindow, batchSize = exportBatchSize): AsyncGenerator<string> {
  yield byteOrderMark + csvRow(exportHeader)
  for await (const rows of activityExportBatches(db, viewer, window, batchSize)) {
    yield rows.map((row) => csvRow(exportRecord(row))).join('')
  }
}
