import { and, eq, sql } from 'drizzle-orm'
import type { Transaction } from '@/db'
import { revisions, type RevisionAction, type RevisionOrigin } from '@/db/schema'
import type { ApiClientChanges, ApiClientSnapshot, UserChanges, UserSnapshot } from './snapshots'

type RevisionBase = {
  entityId: string
  action: RevisionAction
  /** null when the system made the change. */
  actorId: string | null
  /** For the system's changes only: the tool that made it (`command-line`: `npm run clients`). */
  origin?: RevisionOrigin
  at: Date
}

/** One revision to append: the snapshot and changes are typed by the kind of thing (lib/history/snapshots.ts). */
export type RevisionInput =
  | (RevisionBase & { entityType: 'api_client'; snapshot: ApiClientSnapshot; changes?: ApiClientChanges })
  | (RevisionBase & { entityType: 'user'; snapshot: UserSnapshot; changes?: UserChanges })

/**
 * Appends the next revision of an entity. Call it inside the transaction that makes the change, after
 * locking the entity's row, so revision numbers stay in order and the history rolls back with the change.
 */
export async function recordRevision(tx: Transaction, input: RevisionInput): Promise<number> {
  const [row] = await tx
    .select({ next: sql<number>`coalesce(max(${revisions.revisionNumber}), 0) + 1` })
    .from(revisions)
    .where(and(eq(revisions.entityType, input.entityType), eq(revisions.entityId, input.entityId)))
  const revisionNumber = Number(row?.next ?? 1)
  await tx.insert(revisions).values({
    entityType: input.entityType,
    entityId: input.entityId,
    revisionNumber,
    action: input.action,
    actorId: input.actorId,
    origin: input.origin ?? null,
    createdAt: input.at,
    snapshot: input.snapshot,
    changes: input.changes ?? {},
  })
  return revisionNumber
}
