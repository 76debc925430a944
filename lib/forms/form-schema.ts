import { z } from 'zod'
import { firstErrorPerField, type FormState } from './form-state'

/** What the service's field validators return: the value to use, or the message to show next to the field. */
export type FieldCheck<T> = { ok: true; value: T } | { ok: false; message: string }

/**
 * A form field checked by one of the service's validators, as a zod schema: the value the validator gives,
 * or one issue carrying its message. The validators stay the one home of each rule and its words.
 */
export function checkedField<T>(check: (raw: string) => FieldCheck<T> | Promise<FieldCheck<T>>) {
  return z.string().transform(async (raw, context): Promise<T> => {
    const result = await check(raw)
    if (result.ok) return result.value
    context.addIssue({ code: 'custom', message: result.message })
    return z.NEVER
  })
}

/** The answers a form's schema gave, or the form state that says what is wrong. */
export type ParsedForm<Answers, Values extends Record<string, string>> = { ok: true; answers: Answers } | { ok: false; state: FormState<Values> }

/** Turns a form's field errors into its state (the summary in page order, linked to the right inputs). */
export type FormStateOf<Values extends Record<string, string>> = (values: Values, errors: Partial<Record<keyof Values & string, string>>) => FormState<Values>

/** Parses a form's answers as typed with its schema; on failure the first message for each field makes the form state. */
export async function parseForm<Values extends Record<string, string>, Answers>(
  schema: z.ZodType<Answers>,
  values: Values,
  stateOf: FormStateOf<Values>,
): Promise<ParsedForm<Answers, Values>> {
  const result = await schema.safeParseAsync(values)
  if (result.success) return { ok: true, answers: result.data }
  return { ok: false, state: stateOf(values, firstErrorPerField(result.error) as Partial<Record<keyof Values & string, string>>) }
}
