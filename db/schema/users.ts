import { sql } from 'drizzle-orm'
import { boolean, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core'
import { id, timestamps } from './columns'

/** People who may sign in to the service: general-access staff, or API-only users when api_user is true. */
export const users = pgTable(
  'users',
  {
    id: id(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email').notNull(),
    /** scrypt hash for the email-and-password sign-in; null for people who only use DfE Sign-in. */
    passwordHash: text('password_hash'),
    apiUser: boolean('api_user').notNull().default(false),
    active: boolean('active').notNull().default(true),
    dfeSignInUid: text('dfe_sign_in_uid'),
    lastSignedInAt: timestamp('last_signed_in_at', { withTimezone: true }),
    /** Sessions issued before this instant are refused: set by sign-out, deactivation and "sign out everywhere". */
    sessionsEndedAt: timestamp('sessions_ended_at', { withTimezone: true }),
    ...timestamps,
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedById: uuid('deleted_by_id').references((): AnyPgColumn => users.id),
  },
  // Unique among people who have not been deleted, so someone who left and comes back can be added again.
  (table) => [
    uniqueIndex('users_email_unique')
      .on(sql`lower(${table.email})`)
      .where(sql`${table.deletedAt} is null`),
    uniqueIndex('users_dfe_sign_in_uid_unique')
      .on(table.dfeSignInUid)
      .where(sql`${table.deletedAt} is null`),
  ],
)

export type User = typeof users.$inferSelect
export type NewUser = typeof users.$inferInsert
