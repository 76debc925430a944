import { sql } from 'drizzle-orm'
import { bigint, check, date, index, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core'
import { apiClients } from './api-clients'

/**
 * How many register API requests each client made on each UK day, by outcome (docs/product/api-clients.md#usage).
 * Instances add their counts in batches (lib/api/use-recorder.ts), so a row is written at most every few
 * seconds per instance, never per request. Rows older than 13 months are deleted by the same flush.
 */
export const apiClientUsage = pgTable(
  'api_client_usage',
  {
    clientId: uuid('client_id')
      .notNull()
      .references(() => apiClients.id),
    /** The UK calendar day (midnight to midnight, Europe/London). */
    day: date('day', { mode: 'string' }).notNull(),
    // bigint: a flood answered 429 could pass 2^31 in a day, and an overflow would make every later batch fail.
    succeeded: bigint('succeeded', { mode: 'number' }).notNull().default(0),
    rateLimited: bigint('rate_limited', { mode: 'number' }).notNull().default(0),
    refused: bigint('refused', { mode: 'number' }).notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.clientId, table.day] }),
    // Pruning deletes by day across every client; the primary key leads with the client, so it cannot serve that.
    index('api_client_usage_day').on(table.day),
    check('api_client_usage_counts', sql`${table.succeeded} >= 0 and ${table.rateLimited} >= 0 and ${table.refused} >= 0`),
  ],
)

export type ApiClientUsageRow = typeof apiClientUsage.$inferSelect
