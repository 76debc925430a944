import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { apiClients } from './api-clients'
import { id } from './columns'
import { users } from './users'

/**
 * The bearer tokens of API clients, stored only as an HMAC-SHA256 hash. A client has one live token, or
 * two for the overlap after a regeneration (docs/decisions/0018); rows are never deleted, so a refused
 * token can still be told apart from one that never existed.
 */
export const apiClientTokens = pgTable(
  'api_client_tokens',
  {
    id: id(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => apiClients.id),
    tokenHash: text('token_hash').notNull(),
    /** First 4 characters after the token prefix: enough to recognise a leaked token, too few to matter. */
    tokenHint: text('token_hint').notNull(),
    /** Who made it (the client's creator for its first token); null for the system. */
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The instant the token stops working, when that is before its client ends: set by a regeneration (the
     * end of the overlap) and by revoking or deleting the client. Null: it works as long as its client does.
     */
    stopsAt: timestamp('stops_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('api_client_tokens_token_hash_unique').on(table.tokenHash),
    index('api_client_tokens_client').on(table.clientId, table.createdAt),
    check('api_client_tokens_token_hint_length', sql`char_length(${table.tokenHint}) = 4`),
  ],
)

export type ApiClientToken = typeof apiClientTokens.$inferSelect
export type NewApiClientToken = typeof apiClientTokens.$inferInsert
