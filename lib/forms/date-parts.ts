/** One of the three inputs of the GOV.UK date input. */
export type DateField = 'day' | 'month' | 'year'

/** What the user typed into a date input, one string per part. */
export type DatePartsInput = Record<DateField, string>

/** A real date as `YYYY-MM-DD`, or the one message to show and the inputs to mark as wrong. */
export type DatePartsResult = { ok: true; date: string } | { ok: false; message: string; fields: DateField[] }

/** How a date question is named in its messages: `Expiry date must be a real date`, `Enter expiry date`. */
export type DateQuestion = { label: string; missingMessage: string }

type DatePartsError = Extract<DatePartsResult, { ok: false }>

/** The date's parts in the order the page shows them. */
export const dateFields: readonly DateField[] = ['day', 'month', 'year']

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
 * Reads a GOV.UK date input as a real date, with the highest-priority error only, as GOV.UK asks: missing
 * parts, then the year's format, then whether the date can exist. Each question then checks its own range.
 */
export function parseDateParts(input: DatePartsInput, question: DateQuestion): DatePartsResult {
  const parts: DatePartsInput = { day: input.day.trim(), month: input.month.trim(), year: input.year.trim() }
  return missingPartsError(parts, question) ?? yearFormatError(parts.year) ?? realDate(parts, question)
}

function missingPartsError(parts: DatePartsInput, question: DateQuestion): DatePartsError | undefined {
  const missing = dateFields.filter((field) => parts[field] === '')
  if (missing.length === 0) return undefined
  if (missing.length === dateFields.length) return { ok: false, message: question.missingMessage, fields: missing }
  // 'a day and month', 'a month and year': at most two parts can be missing here.
  return { ok: false, message: `${question.label} must include a ${missing.join(' and ')}`, fields: missing }
}

function yearFormatError(year: string): DatePartsError | undefined {
  // GOV.UK counts a short year such as '27' as incomplete, so this comes before the real-date check.
  return /^\d{4}$/.test(year) ? undefined : { ok: false, message: 'Year must include 4 numbers', fields: ['year'] }
}

/** The date as `YYYY-MM-DD` if it exists; otherwise marks the wrong part, or all three if both day and month are wrong. */
function realDate(parts: DatePartsInput, question: DateQuestion): DatePartsResult {
  const month = monthNumber(parts.month)
  // With no usable month, a day up to 31 could still be right, so only the month is marked.
  const day = dayNumber(parts.day, month === undefined ? 31 : daysInMonth(Number(parts.year), month))
  if (month !== undefined && day !== undefined) {
    return { ok: true, date: `${parts.year}-${twoDigits(month)}-${twoDigits(day)}` }
  }
  const fields: DateField[] = month === undefined && day === undefined ? [...dateFields] : month === undefined ? ['month'] : ['day']
  return { ok: false, message: `${question.label} must be a real date`, fields }
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
