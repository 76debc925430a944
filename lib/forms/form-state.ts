import { badRequest } from '@/lib/http/bad-request'
import type { z } from 'zod'

/** One line of a GOV.UK error summary: the message and the id of the field it links to. */
export type ErrorSummaryItem = { href: string; text: string }

/**
 * What a form action returns: the submitted values (echoed back so nothing is lost), a message per
 * field, and the error summary in the order the fields appear on the page.
 */
export type FormState<Values extends Record<string, string>> = {
  values: Values
  errors: Partial<Record<keyof Values & string, string>>
  summary: ErrorSummaryItem[]
}

/** A form state with no errors. */
export function initialFormState<Values extends Record<string, string>>(values: Values): FormState<Values> {
  return { values, errors: {}, summary: [] }
}

/** Whether a form state carries errors. */
export function hasErrors(state: { summary: ErrorSummaryItem[] }): boolean {
  return state.summary.length > 0
}

/**
 * Reads the named text fields from submitted form data; missing fields become ''. A server action can be
 * called with any arguments: anything but form data is the caller's fault (400), not a server error.
 */
export function readFields<Name extends string>(formData: FormData, names: readonly Name[]): Record<Name, string> {
  if (typeof (formData as Partial<FormData> | null)?.get !== 'function') badRequest('a form action was sent something other than form data')
  const entries = names.map((name) => {
    const value = formData.get(name)
    return [name, typeof value === 'string' ? value : ''] as const
  })
  return Object.fromEntries(entries) as Record<Name, string>
}

/**
 * Builds a form state from field errors. `order` lists the fields as they appear on the page, and
 * `anchor` maps a field to the element its summary link targets (a date links to its first wrong part).
 */
export function formStateWithErrors<Values extends Record<string, string>>(
  values: Values,
  errors: Partial<Record<keyof Values & string, string>>,
  order: readonly (keyof Values & string)[],
  anchor: (field: keyof Values & string) => string = (field) => field,
): FormState<Values> {
  const summary = order.flatMap((field) => {
    const text = errors[field]
    return text ? [{ href: `#${anchor(field)}`, text }] : []
  })
  return { values, errors, summary }
}

/** The first message zod gives for each field. */
export function firstErrorPerField(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '')
    errors[field] ??= issue.message
  }
  return errors
}
