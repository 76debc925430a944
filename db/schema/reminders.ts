import { sql } from 'drizzle-orm'
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { apiClients } from './api-clients'
import { id } from './columns'
import { users } from './users'

/** 30, 7 and 1 day before a client's expiry date, and the day after it (lib/reminders/schedule.ts). */
export const reminderKinds = ['30-days', '7-days', '1-day', 'expired'] as const
export type ReminderKind = (typeof reminderKinds)[number]

/**
 * pending: due, not yet sent; sending: claimed by a runner; sent: Notify accepted it; no-recipient: the creator
 * is deleted or inactive, so no one was told; cancelled: no longer applied when its turn came (client revoked or
 * deleted, or too late); failed: Notify refused it for good, retries ran out, or a runner stopped mid-send.
 */
export const reminderStatuses = ['pending', 'sending', 'sent', 'no-recipient', 'cancelled', 'failed'] as const
export type ReminderStatus = (typeof reminderStatuses)[number]

const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '))

/**
 * The reminder log: one row per client, kind and expiry date, ever. The unique index is what makes each
 * reminder go at most once whatever number of instances run; the row's status records what became of it.
 * The expiry date is part of the key so that a client given a new expiry date gets that date's reminders.
 */
export const expiryReminders = pgTable(
  'expiry_reminders',
  {
    id: id(),
    apiClientId: uuid('api_client_id')
      .notNull()
      .references(() => apiClients.id),
    kind: text('kind').$type<ReminderKind>().notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    /** The UK date from which it is due. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').$type<ReminderStatus>().notNull(),
    /** The creator it went (or was to go) to; null when there was no one. */
    recipientId: uuid('recipient_id').references(() => users.id),
    attempts: integer('attempts').notNull().default(0),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Notify's id for the e-mail. */
    notificationId: text('notification_id'),
    /** Why it was not sent: Notify's answer, or the reason it was cancelled. */
    outcome: text('outcome'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('expiry_reminders_client_kind_expiry_unique').on(table.apiClientId, table.kind, table.expiresOn),
    // The runner's every few minutes looks only at unfinished rows.
    index('expiry_reminders_unfinished')
      .on(table.status)
      .where(sql`${table.status} in ('pending', 'sending')`),
    check('expiry_reminders_kind', sql`${table.kind} in (${inList(reminderKinds)})`),
    check('expiry_reminders_status', sql`${table.status} in (${inList(reminderStatuses)})`),
  ],
)

export type ExpiryReminder = typeof expiryReminders.$inferSelect
