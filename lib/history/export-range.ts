import { ukMidnight } from '@/lib/api-clients/overlap'
import { addDays, formatDate, ukDate } from '@/lib/dates'
import { dateFields, parseDateParts, type DateField, type DatePartsInput } from '@/lib/forms/date-parts'
import type { ErrorSummaryItem } from '@/lib/forms/form-state'
import { hasControlCharacter } from '@/lib/forms/plain-text'

/** The two questions of the Activity download, named as their inputs are (`from-day`, `to-year`). */
export type RangeQuestion = 'from' | 'to'

/** The six inputs as typed, keyed by input name (`from-day` … `to-year`). */
export type ExportRangeValues = Record<`${RangeQuestion}-${DateField}`, string>

/** A checked range, as UK days and as the instants that bound them, or the messages to show. */
export type ExportRangeResult =
  | { ok: true; from: string; to: string; start: Date; end: Date }
  | { ok: false; values: ExportRangeValues; errors: Partial<Record<RangeQuestion, { message: string; fields: DateField[] }>> }

export const rangeQuestions: readonly RangeQuestion[] = ['from', 'to']
export const rangeInputNames = rangeQuestions.flatMap((question) => dateFields.map((field) => `${question}-${field}` as const))

const questions = {
  from: { label: 'From date', missingMessage: 'Enter the from date' },
  to: { label: 'To date', missingMessage: 'Enter the to date' },
}
// A part longer than this is not a date; bounding it keeps what is echoed back, and redirected with, short.
const longestPart = 20

/** The six inputs read from a query string; missing ones are '' and anything unusable is cut short. */
export function readExportRangeValues(search: URLSearchParams): ExportRangeValues {
  const entries = rangeInputNames.map((name) => {
    const value = search.get(name) ?? ''
    return [name, hasControlCharacter(value) ? '' : value.slice(0, longestPart)] as const
  })
  return Object.fromEntries(entries) as ExportRangeValues
}

/** Whether any of the six inputs was sent: the Activity page then shows what is wrong with them. */
export function hasExportRangeValues(search: URLSearchParams): boolean {
  return rangeInputNames.some((name) => search.has(name))
}

function partsOf(values: ExportRangeValues, question: RangeQuestion): DatePartsInput {
  return { day: values[`${question}-day`], month: values[`${question}-month`], year: values[`${question}-year`] }
}

/**
 * Checks the Activity download's date range: both real dates, neither after today (UK), To on or after From.
 * The range is whole UK days, both inclusive: from UK midnight starting From to UK midnight ending To.
 */
export function parseExportRange(values: ExportRangeValues, now: Date): ExportRangeResult {
  const today = ukDate(now)
  const errors: Extract<ExportRangeResult, { ok: false }>['errors'] = {}
  const dates: Partial<Record<RangeQuestion, string>> = {}
  for (const question of rangeQuestions) {
    const parsed = parseDateParts(partsOf(values, question), questions[question])
    if (!parsed.ok) errors[question] = { message: parsed.message, fields: parsed.fields }
    else if (parsed.date > today) errors[question] = { message: `${questions[question].label} must be today or in the past`, fields: [...dateFields] }
    else dates[question] = parsed.date
  }
  const { from, to } = dates
  if (from && to && to < from) {
    errors.to = { message: `To date must be the same as or after ${formatDate(from)}`, fields: [...dateFields] }
  }
  if (!from || !to || errors.to) return { ok: false, values, errors }
  return { ok: true, from, to, start: ukMidnight(from), end: ukMidnight(addDays(to, 1)) }
}

/** The download's file name: `activity-2026-01-01-to-2026-12-01.csv`. */
export function exportFileName(range: { from: string; to: string }): string {
  return `activity-${range.from}-to-${range.to}.csv`
}

/** The form as the Activity page shows it: what was typed, each date's error and the error summary's lines. */
export type ExportRangeForm = { values: ExportRangeValues; errors: Extract<ExportRangeResult, { ok: false }>['errors']; summary: ErrorSummaryItem[] }

/**
 * The download form for the Activity page. Blank unless the download sent a bad range back here; a range
 * that is fine (a reload, say) is shown as typed, without errors.
 */
export function exportRangeForm(search: URLSearchParams, now: Date): ExportRangeForm {
  const values = readExportRangeValues(search)
  if (!hasExportRangeValues(search)) return { values, errors: {}, summary: [] }
  const range = parseExportRange(values, now)
  if (range.ok) return { values, errors: {}, summary: [] }
  // Each summary line links to the first part of its date that is wrong, as GOV.UK asks.
  const summary = rangeQuestions.flatMap((question) => {
    const error = range.errors[question]
    return error ? [{ href: `#${question}-${error.fields[0] ?? 'day'}`, text: error.message }] : []
  })
  return { values, errors: range.errors, summary }
}

/** The hint's example: the 27th of a month from 1 to 9 (GOV.UK's rule), in the past, so it is itself a valid answer. */
export function exportDateExample(now: Date): string {
  const today = ukDate(now)
  const year = Number(today.slice(0, 4))
  return `27 3 ${today >= `${year}-03-27` ? year : year - 1}`
}
