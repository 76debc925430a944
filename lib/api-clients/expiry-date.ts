import { addDays, addMonths, formatDate } from '@/lib/dates'
import { dateFields, parseDateParts, type DateField, type DatePartsInput, type DatePartsResult } from '@/lib/forms/date-parts'

export { dateFields, type DateField }

/** What the user typed into the expiry date input, one string per part. */
export type ExpiryDateInput = DatePartsInput

/** A valid expiry date as `YYYY-MM-DD`, or the one message to show and the inputs to mark as wrong. */
export type ExpiryDateResult = DatePartsResult

const expiryDateQuestion = { label: 'Expiry date', missingMessage: 'Enter expiry date' }

/** The message for a date that cannot exist (also the command line's, for a date not written as YYYY-MM-DD). */
export const notRealDateMessage = `${expiryDateQuestion.label} must be a real date`

/**
 * Validates the expiry date question (docs/product/api-clients.md). `today` is the UK calendar date as
 * `YYYY-MM-DD`. Shows only the highest-priority error, as GOV.UK asks: missing parts, then the year's format,
 * then whether the date can exist, then whether it falls from tomorrow to 12 months ahead.
 */
export function parseExpiryDate(input: ExpiryDateInput, today: string): ExpiryDateResult {
  const date = parseDateParts(input, expiryDateQuestion)
  return date.ok ? withinNextTwelveMonths(date.date, today) : date
}

/** The example in the hint: day 27 about 4 months ahead, so it is itself a valid answer. */
export function expiryDateExample(today: string): string {
  // The GOV.UK Dates pattern asks for a day of 13 or more (it cannot be read as a month) and a month of 9
  // or less; skipping October to December keeps the example at most 7 months ahead.
  let date = addMonths(today, 4)
  while (Number(date.slice(5, 7)) > 9) date = addMonths(date, 1)
  return `27 ${Number(date.slice(5, 7))} ${date.slice(0, 4)}`
}

/** The hint under the expiry date question, with an example that is valid today. */
export function expiryDateHint(today: string): string {
  return `Must be within the next 12 months. For example, ${expiryDateExample(today)}`
}

function withinNextTwelveMonths(date: string, today: string): ExpiryDateResult {
  const earliest = addDays(today, 1)
  const latest = addMonths(today, 12)
  // ISO dates with 4-digit years sort as strings.
  if (date >= earliest && date <= latest) return { ok: true, date }
  const message = `Expiry date must be between ${formatDate(earliest)} and ${formatDate(latest)}`
  return { ok: false, message, fields: [...dateFields] }
}
