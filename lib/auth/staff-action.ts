import 'server-only'
import { redirect } from 'next/navigation'
import type { z } from 'zod'
import type { FormState } from '@/lib/forms/form-state'
import { parseForm, type FormStateOf } from '@/lib/forms/form-schema'
import { badRequest } from '@/lib/http/bad-request'
import { getSessionState } from './current-user'
import { hasGeneralAccess, type CurrentUser } from './roles'

/**
 * Wraps a server action so it runs only for an active, signed-in person, re-read from the database on
 * every call (a session cookie alone proves nothing about today's role or status). Server actions are
 * public endpoints: every action in the service goes through this.
 */
export function staffAction<State, Args extends unknown[]>(
  handler: (user: CurrentUser, ...args: Args) => Promise<State>,
  options: { generalAccessOnly?: boolean } = {},
): (...args: Args) => Promise<State> {
  return async (...args: Args) => {
    const state = await getSessionState()
    if (state.status === 'signed-out') redirect('/sign-in')
    if (state.status === 'inactive') redirect('/account-not-active')
    // Not forbidden() here: for a form posted without JavaScript Next would answer with its 404 page.
    if (options.generalAccessOnly && !hasGeneralAccess(state.user)) redirect('/permission-denied')
    // A forged call with too few arguments is the caller's fault (400), not a server error.
    if (args.length < handler.length - 1) badRequest('a server action was called with too few arguments')
    return handler(state.user, ...args)
  }
}

/** What a staff form action needs to know about its form. */
export type StaffForm<Values extends Record<string, string>, Answers, Bound extends unknown[]> = {
  /** The answers as posted (missing fields become ''; anything but form data is a 400). */
  read: (formData: FormData) => Values
  /**
   * The form's zod schema for this person and the action's bound arguments (say, the client being renamed).
   * It may load what it needs, and send the person elsewhere (notFound, redirect) when there is nothing to ask.
   */
  schema: (user: CurrentUser, ...bound: Bound) => Promise<z.ZodType<Answers>>
  /** The form state for answers that did not parse. */
  stateOf: FormStateOf<Values>
}

/**
 * A staff action for a form posted through useActionState, with or without JavaScript (like saas-starter's
 * `validatedActionWithUser`): it reads the fields, parses them with the form's zod schema, and answers the
 * form state with the first message for each field when they do not parse. Only answers that parsed reach
 * `handler`, so actions never call validators by hand. Bound arguments (ids) come first, as with `bind`.
 */
export function staffFormAction<Values extends Record<string, string>, Answers, Bound extends unknown[]>(
  form: StaffForm<Values, Answers, Bound>,
  handler: (user: CurrentUser, answers: Answers, values: Values, ...bound: Bound) => Promise<FormState<Values>>,
  options: { generalAccessOnly?: boolean } = {},
): (...args: [...Bound, FormState<Values>, FormData]) => Promise<FormState<Values>> {
  // handler.length counts user, answers and values and each bound argument; the action's callers pass the bound
  // arguments, the previous state and the form data: so as many as the handler takes, less one.
  const arity = handler.length - 1
  return staffAction(async (user, ...args: [...Bound, FormState<Values>, FormData]) => {
    if (args.length < arity) badRequest('a server action was called with too few arguments')
    const bound = args.slice(0, -2) as Bound
    const values = form.read(args[args.length - 1] as FormData)
    const parsed = await parseForm(await form.schema(user, ...bound), values, form.stateOf)
    if (!parsed.ok) return parsed.state
    return handler(user, parsed.answers, values, ...bound)
  }, options)
}
