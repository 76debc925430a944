import { addDays, addMonths, formatDate } from '@/lib/dates'

/** One of the three inputs of the GOV.UK date input. */
export type DateField = 'day' | 'month' | 'year'

/** What the user typed into the expiry date input, one string per part. */
export type ExpiryDateInput = Record<DateField, string>

/** A valid expiry date as `YYYY-MM-DD`, or the one message to show and the inputs to mark as wrong. */
export type ExpiryDateResult = { ok: true; date: string } | { ok: false; message: string; fields: DateField[] }

type ExpiryDateError = Extract<ExpiryDateResult, { ok: false }>

/** The date's parts in the order the page shows them. */
export const dateFields: readonly DateField[] = ['day', 'month', 'year']
/** The message for a date that cannot exist (also the command line's, for a date not written as YYYY-MM-DD). */
export const notRealDateMessage = 'Expiry date must be a real date'

// GOV.UK asks services to accept month names in full or abbreviated form ('jan', 'January'), in any case.
// A Map, not an object literal, so that 'constructor' or 'toString' cannot find Object.prototype members.
const monthsByName = new Map<string, number>(
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].flatMap(
    (name, index) => [
      [name, index + 1],
      [name.slice(0, 3), index + 1],
    ],
  ),
)
monthsByName.set('sept', 9)

/**
 * Validates the expiry date question (docs/product/api-clients.md). `today` is the UK calendar date as
 * `YYYY-MM-DD`. Shows only the highest-priority error, as GOV.UK asks: missing parts, then the year's format,
 * then whether the date can exist, then whether it falls from tomorrow to 12 months ahead.
 */
export function parseExpiryDate(input: ExpiryDateInput, today: string): ExpiryDateResult {
  const parts: ExpiryDateInput = { day: input.day.trim(), month: input.month.trim(), year: input.year.trim() }
  const error = missingPartsError(parts) ?? yearFormatError(parts.year)
  if (error) return error
  const date = realDate(parts)
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

function missingPartsError(parts: ExpiryDateInput): ExpiryDateError | undefined {
  const missing = dateFields.filter((field) => parts[field] === '')
  if (missing.length === 0) return undefined
  if (missing.length === dateFields.length) return { ok: false, message: 'Enter expiry date', fields: missing }
  // 'a day and month', 'a month and year': at most two parts can be missing here.
  return { ok: false, message: `Expiry date must include a ${missing.join(' and ')}`, fields: missing }
}

function yearFormatError(year: string): ExpiryDateError | undefined {
  // GOV.UK counts a short year such as '27' as incomplete, so this comes before the real-date check.
  return /^\d{4}$/.test(year) ? undefined : { ok: false, message: 'Year must include 4 numbers', fields: ['year'] }
}

/** The date as `YYYY-MM-DD` if it exists; otherwise marks the wrong part, or all three if both day and month are wrong. */
function realDate(parts: ExpiryDateInput): ExpiryDateResult {
  const month = monthNumber(parts.month)
  // With no usable month, a day up to 31 could still be right, so only the month is marked.
  const day = dayNumber(parts.day, month === undefined ? 31 : daysInMonth(Number(parts.year), month))
  if (month !== undefined && day !== undefined) {
    return { ok: true, date: `${parts.year}-${twoDigits(month)}-${twoDigits(day)}` }
  }
  const fields: DateField[] = month === undefined && day === undefined ? [...dateFields] : month === undefined ? ['month'] : ['day']
  return { ok: false, message: notRealDateMessage, fields }
}

function withinNextTwelveMonths(date: string, today: string): ExpiryDateResult {
  const earliest = addDays(today, 1)
  const latest = addMonths(today, 12)
  // ISO dates with 4-digit years sort as strings.
  if (date >= earliest && date <= latest) return { ok: true, date }
  const message = `Expiry date must be between ${formatDate(earliest)} and ${formatDate(latest)}`
  return { ok: false, message, fields: [...dateFields] }
}

/**
 * Digits only, leading zeros allowed ('03'). Signs, decimals and exponents ('+3', '1.5', '1e1') are not
 * real dates even though `Number` would read them.
 */
function wholeNumber(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : undefined
}

function dayNumber(text: string, lastDay: number): number | undefined {
  const day = wholeNumber(text)
  return day !== undefined && day >= 1 && day <= lastDay ? day : undefined
}

function monthNumber(text: string): number | undefined {
  const month = wholeNumber(text) ?? monthsByName.get(text.toLowerCase())
  return month !== undefined && month >= 1 && month <= 12 ? month : undefined
}

function daysInMonth(year: number, month: number): number {
  // Arithmetic rather than Date.UTC, which reads years 0–99 as 1900–1999.
  const leapYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  if (month === 2) return leapYear ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0')
}
