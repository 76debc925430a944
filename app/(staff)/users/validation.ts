import 'server-only'
import { formStateWithErrors } from '@/lib/forms/form-state'
import type { UserDetails } from '@/lib/users/commands'
import { checkUserEmail } from '@/lib/users/load'
import { parseApiUserAnswer, userMessages, validateFirstName, validateLastName } from '@/lib/users/user-details'
import { userFieldIds, userFieldOrder, type UserFormState, type UserFormValues } from './user-fields'

export type CheckedUserDetails<Details> = { ok: true; details: Details } | { ok: false; state: UserFormState }

type Field = (typeof userFieldOrder)[number]

/**
 * Validates the user details answers (docs/product/users.md): each field's format and, for the email address,
 * whether another user who has not been deleted has it (lib/users/details.ts checkUserEmail). `fields` lists the answers the form
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
    // Only an address the form asked for is looked up (a person who has signed in keeps theirs).
    email: asked.has('email') ? await checkUserEmail(values.email, options.exceptUserId) : undefined,
    apiUser: parseApiUserAnswer(values.apiUser),
  }
  for (const field of userFieldOrder) {
    if (!asked.has(field)) continue
    const result = results[field]
    if (!result) continue
    if (result.ok) Object.assign(details, { [field]: result.value })
    else errors[field] = result.message
  }
  if (Object.keys(errors).length > 0) {
    return { ok: false, state: formStateWithErrors(values, errors, userFieldOrder, (field) => userFieldIds[field]) }
  }
  return { ok: true, details: details as Pick<UserDetails, F> }
}

/** The form state for an email address the database refused as taken (two saves raced). */
export function emailTakenState(values: UserFormValues): UserFormState {
  return formStateWithErrors(values, { email: userMessages.emailTaken }, userFieldOrder, (field) => userFieldIds[field])
}
