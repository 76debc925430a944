import type { ReminderKind } from '@/db/schema'
import { addDays } from '@/lib/dates'

/**
 * When each reminder is due, in days from the client's expiry date (its last working day): 30, 7 and 1 day
 * before it, and the day after, when the client has just expired. Each is due from 00:00 UK time that day.
 */
export const reminderOffsets: Record<ReminderKind, number> = { '30-days': -30, '7-days': -7, '1-day': -1, expired: 1 }

/**
 * How many days after its due date a reminder may still go, for a service that was down when it fell due.
 * A day for the ones before expiry: later than that, the next one is nearer and says the same. A week for
 * `expired`, which no later one replaces, but no more, so that turning reminders on does not write to
 * everyone whose client expired long ago (docs/decisions/0020-expiry-reminders.md).
 */
export const reminderGraceDays: Record<ReminderKind, number> = { '30-days': 1, '7-days': 1, '1-day': 1, expired: 7 }

export const reminderKindsInOrder: readonly ReminderKind[] = ['30-days', '7-days', '1-day', 'expired']

/** The UK date from which this reminder of a client expiring on this date is due. */
export function reminderDueOn(kind: ReminderKind, expiresOn: string): string {
  return addDays(expiresOn, reminderOffsets[kind])
}

/** Whether a reminder due on this date may still be sent today: from its due date to its grace's end. */
export function withinWindow(kind: ReminderKind, dueOn: string, today: string): boolean {
  return dueOn <= today && today <= addDays(dueOn, reminderGraceDays[kind])
}

/**
 * The reminder a client expiring on this date should have today, if any. The windows never overlap, so
 * there is at most one: a service back after a week away sends the one that applies now, never the stale ones.
 */
export function reminderDueToday(expiresOn: string, today: string): { kind: ReminderKind; dueOn: string } | undefined {
  for (const kind of reminderKindsInOrder) {
    const dueOn = reminderDueOn(kind, expiresOn)
    if (withinWindow(kind, dueOn, today)) return { kind, dueOn }
  }
  return undefined
}

/** The expiry dates that have a reminder due today, as the earliest and latest: one range query finds them all. */
export function expiryDatesWithReminders(today: string): { from: string; to: string } {
  return { from: addDays(today, -(reminderOffsets.expired + reminderGraceDays.expired)), to: addDays(today, -reminderOffsets['30-days']) }
}
