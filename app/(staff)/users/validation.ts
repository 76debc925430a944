import 'server-only'
import { getDb } from '@/db'
import { formStateWithErrors } from '@/lib/forms/form-state'
import type { UserDetails } from '@/lib/users/commands'
import { emailInUse } from '@/lib/users/details'
import { parseApiUserAnswer, userMessages, validateEmail, validateFirstName, validateLastName } from '@/lib/users/user-details'
import { userFieldIds, userFieldOrder, type UserFormState, type UserFormValues } from './user-fields'

export type CheckedUserDetails<Details> = { ok: true; details: Details } | { ok: false; state: UserFormState }

type Field = (typeof userFieldOrder)[number]

/**
 * Validates the user details answers (docs/product/users.md): each field's format, then whether the
 * email address is in use by another user who has not been deleted. `fields` lists the answers the form
 * asked for (a person who has signed in keeps their name and email; nobody changes their own access).
 */
export async function checkUserDetails<F extends Field>(
  values: UserFormValues,
  options: { fields: readonly F[]; exceptUserId?: string },
): Promise<CheckedUserDetails<Pick<UserDetails, F>>> {
  const asked = new Set<Field>(options.fields)
  const errors: UserFormState['errors'] = {}
  const details: Partial<UserDetails> = {}
  const results = {
    firstName: validateFirstName(values.firstName),
    lastName: validateLastName(values.lastName),
    email: validateEmail(values.email),
    apiUser: parseApiUserAnswer(values.apiUser),
  }
  for (const field of userFieldOrder) {
    if (!asked.has(field)) continue
    const result = results[field]
    if (result.ok) Object.assign(details, { [field]: result.value })
    else errors[field] = result.message
  }
  if (details.email !== undefined && (await emailInUse(await getDb(), details.email, options.exceptUserId))) errors.email = userMessages.emailTaken
  if (Object.keys(errors).length > 0) {
    return { ok: false, state: formStateWithErrors(values, errors, userFieldOrder, (field) => userFieldIds[field]) }
  }
  return { ok: true, details: details as Pick<UserDetails, F> }
}

/** The form state for an email address the database refused as taken (two saves raced). */
export function emailTakenState(values: UserFormValues): UserFormState {
  return formStateWithErrors(values, { email: userMessages.emailTaken }, userFieldOrder, (field) => userFieldIds[field])
}
