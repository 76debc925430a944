import { sql } from 'drizzle-orm'
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from './users'

export const revisionEntityTypes = ['api_client', 'user'] as const
export const revisionActions = ['added', 'updated', 'regenerated', 'revoked', 'deleted', 'deactivated', 'reactivated', 'reminded'] as const

/**
 * Where a change the system made came from, when that is worth telling apart from the service itself:
 * `command-line` for the operator's `npm run clients` (docs/decisions/0024). Null for everything else.
 */
export const revisionOrigins = ['command-line'] as const

export type RevisionOrigin = (typeof revisionOrigins)[number]
export type RevisionEntityType = (typeof revisionEntityTypes)[number]
export type RevisionAction = (typeof revisionActions)[number]

const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '))

/**
 * Append-only history of every change to an API client or user, written in the same transaction as the
 * change. A database trigger refuses UPDATE and DELETE (see migrations).
 */
export const revisions = pgTable(
  'revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entityType: text('entity_type').$type<RevisionEntityType>().notNull(),
    entityId: uuid('entity_id').notNull(),
    revisionNumber: integer('revision_number').notNull(),
    action: text('action').$type<RevisionAction>().notNull(),
    /** Who made the change; null means the system. */
    actorId: uuid('actor_id').references(() => users.id),
    /** Set only on the system's changes (actor_id null): which tool made it (revisionOrigins). */
    origin: text('origin').$type<RevisionOrigin>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The tracked fields after the change. */
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    /** For each changed field, its old and new value. */
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>().notNull().default({}),
  },
  (table) => [
    uniqueIndex('revisions_entity_revision_unique').on(table.entityType, table.entityId, table.revisionNumber),
    index('revisions_created_at').on(table.createdAt.desc(), table.id.desc()),
    check('revisions_entity_type', sql`${table.entityType} in (${inList(revisionEntityTypes)})`),
    check('revisions_action', sql`${table.action} in (${inList(revisionActions)})`),
    check('revisions_origin', sql`${table.origin} in (${inList(revisionOrigins)})`),
    // An origin names a tool, not a person: a change by a person is theirs, whatever they used.
    check('revisions_origin_only_for_system', sql`${table.origin} is null or ${table.actorId} is null`),
    check('revisions_revision_number_positive', sql`${table.revisionNumber} > 0`),
  ],
)

export type Revision = typeof revisions.$inferSelect
export type NewRevision = typeof revisions.$inferInsert
