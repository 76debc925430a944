import { addDays, ukDate } from '@/lib/dates'

/** How long the current token keeps working after a regeneration (docs/product/api-clients.md). */
export const overlapChoices = ['immediately', '1-hour', '24-hours', '7-days'] as const
export type OverlapChoice = (typeof overlapChoices)[number]

const hour = 60 * 60 * 1000

/** Each choice's radio label and its length. */
export const overlaps: Record<OverlapChoice, { label: string; ms: number }> = {
  immediately: { label: 'Immediately', ms: 0 },
  '1-hour': { label: 'In 1 hour', ms: hour },
  '24-hours': { label: 'In 24 hours', ms: 24 * hour },
  '7-days': { label: 'In 7 days', ms: 7 * 24 * hour },
}

/** Whether a form value is one of the choices. */
export function isOverlapChoice(value: unknown): value is OverlapChoice {
  return typeof value === 'string' && (overlapChoices as readonly string[]).includes(value)
}

/** 00:00 UK time at the start of this calendar date (23:00 UTC the day before in summer time). */
export function ukMidnight(isoDate: string): Date {
  const utcMidnight = new Date(`${isoDate}T00:00:00Z`)
  const summerMidnight = new Date(utcMidnight.getTime() - hour)
  return ukDate(summerMidnight) === isoDate ? summerMidnight : utcMidnight
}

/** The instant a client stops working: 00:00 UK time on the day after its expiry date. */
export function clientEnd(expiresOn: string): Date {
  return ukMidnight(addDays(expiresOn, 1))
}

/** Whether this overlap, started at `now`, would run past the client's own end (it is then cut short there). */
export function overlapReachesExpiry(choice: OverlapChoice, now: Date, expiresOn: string): boolean {
  return now.getTime() + overlaps[choice].ms > clientEnd(expiresOn).getTime()
}

/** When the current token stops if the token is regenerated at `now`: after the overlap, never after the client ends. */
export function overlapEnd(choice: OverlapChoice, now: Date, expiresOn: string): Date {
  return new Date(Math.min(now.getTime() + overlaps[choice].ms, clientEnd(expiresOn).getTime()))
}
