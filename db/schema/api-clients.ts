import { sql } from 'drizzle-orm'
import { check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps } from './columns'
import { users } from './users'

/**
 * API clients: a name, an expiry date and their bearer tokens (api_client_tokens: one, or two during a
 * regeneration's overlap). Status is computed (revoked_at, expires_on against the UK date); deletion is soft.
 */
export const apiClients = pgTable(
  'api_clients',
  {
    id: id(),
    name: text('name').notNull(),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => users.id),
    /** Last day on which the token works, in UK time. */
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedById: uuid('revoked_by_id').references(() => users.id),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedById: uuid('deleted_by_id').references(() => users.id),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    /** Where the register API accepts its token from: canonical `address/prefix` ranges; empty means anywhere (decision 0026). */
    allowedAddresses: text('allowed_addresses').array().notNull().default(sql`'{}'::text[]`),
    ...timestamps,
  },
  (table) => [
    // A creator's live clients need distinct names, ignoring case; deleted clients free their name.
    uniqueIndex('api_clients_creator_name_unique')
      .on(table.createdById, sql`lower(${table.name})`)
      .where(sql`${table.deletedAt} is null`),
    // The staff list's order, with id to break ties, over live clients only: a page's ids come from this index
    // alone, however far in (lib/api-clients/queries.ts; migration 0011).
    index('api_clients_live_list_order')
      .on(sql`lower(${table.name})`, table.createdAt, table.id)
      .where(sql`${table.deletedAt} is null`),
    check('api_clients_name_length', sql`char_length(${table.name}) between 1 and 200`),
    // lib/api-clients/allowed-addresses.ts maxAllowedAddresses: the form says so first; this holds for every writer.
    check('api_clients_allowed_addresses_count', sql`cardinality(${table.allowedAddresses}) <= 50`),
  ],
)

export type ApiClient = typeof apiClients.$inferSelect
export type NewApiClient = typeof apiClients.$inferInsert
