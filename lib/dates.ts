/**
 * Dates as the service shows and compares them, always in UK time (Europe/London). Calendar dates are
 * ISO strings (`2027-03-31`); instants are Date objects.
 */
const timeZone = 'Europe/London'

const isoDateParts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
const longDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })
const shortDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' })
const clockParts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', minute: '2-digit', hourCycle: 'h23' })

// UK midnight always falls on a whole UTC hour (the offset is 0 or +1), so the UK date is the same for a whole
// UTC hour: remembering the last hour's spares the Intl call (3–5 µs) on every request (bench/README.md).
let lastHour = { hour: Number.NaN, date: '' }

/** The calendar date in the UK at this instant, as `YYYY-MM-DD`. */
export function ukDate(instant: Date): string {
  const hour = Math.floor(instant.getTime() / 3_600_000)
  if (hour === lastHour.hour) return lastHour.date
  const parts = Object.fromEntries(isoDateParts.formatToParts(instant).map((part) => [part.type, part.value]))
  const date = `${parts.year}-${parts.month}-${parts.day}`
  lastHour = { hour, date }
  return date
}

/** `2027-01-02` → `2 January 2027`. */
export function formatDate(isoDate: string): string {
  return longDate.format(new Date(`${isoDate}T00:00:00Z`))
}

/** `2027-01-02` → `2 Jan 2027`, where a table column has little room (GOV.UK allows short months in tables). */
export function formatShortDate(isoDate: string): string {
  // Intl writes September as `Sept`; GOV.UK's short months are three letters.
  return shortDate.format(new Date(`${isoDate}T00:00:00Z`)).replace('Sept', 'Sep')
}

/** UK time of day as GOV.UK writes it: `2:22pm`, `midday`, `midnight`. */
export function formatTime(instant: Date): string {
  const parts = Object.fromEntries(clockParts.formatToParts(instant).map((part) => [part.type, part.value]))
  const hour = Number(parts.hour)
  const minute = parts.minute ?? '00'
  if (minute === '00' && hour === 0) return 'midnight'
  if (minute === '00' && hour === 12) return 'midday'
  return `${hour % 12 === 0 ? 12 : hour % 12}:${minute}${hour < 12 ? 'am' : 'pm'}`
}

/** `21 May 2025 at 2:22pm`, in UK time. */
export function formatDateTime(instant: Date): string {
  return `${formatDate(ukDate(instant))} at ${formatTime(instant)}`
}

/** Adds whole days to a calendar date. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** Adds calendar months, keeping the day where it exists and using the month's last day where not (31 Jan + 1 month = 28 or 29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number)
  const target = new Date(Date.UTC(year, month - 1 + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(day, lastDay))
  return target.toISOString().slice(0, 10)
}
