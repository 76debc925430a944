import 'server-only'
import { z } from 'zod'
import { checkedField, parseForm } from '@/lib/forms/form-schema'
import { formStateWithErrors } from '@/lib/forms/form-state'
import type { UserDetails } from '@/lib/users/commands'
import { checkUserEmail } from '@/lib/users/load'
import { parseApiUserAnswer, userMessages, validateFirstName, validateLastName } from '@/lib/users/user-details'
import { userFieldIds, userFieldOrder, type UserFormState, type UserFormValues } from './user-fields'

export type CheckedUserDetails<Details> = { ok: true; details: Details } | { ok: false; state: UserFormState }

type Field = (typeof userFieldOrder)[number]

/**
 * The user details answers (docs/product/users.md) as a zod schema: each field by its validator and, for the
 * email address, whether another user who has not been deleted has it (lib/users/details.ts checkUserEmail).
 * `fields` lists the answers the form asked for (a person who has signed in keeps their name and email; nobody
 * changes their own access): only those are read, and only an address asked for is looked up.
 */
export function userDetailsSchema<F extends Field>(fields: readonly F[], exceptUserId?: string): z.ZodType<Pick<UserDetails, F>> {
  const checks = {
    firstName: () => checkedField(validateFirstName),
    lastName: () => checkedField(validateLastName),
    email: () => checkedField((raw) => checkUserEmail(raw, exceptUserId)),
    apiUser: () => checkedField(parseApiUserAnswer),
  }
  // zod cannot type an object built from a list of keys; each check gives its UserDetails field.
  return z.object(Object.fromEntries(fields.map((field) => [field, checks[field]()]))) as unknown as z.ZodType<Pick<UserDetails, F>>
}

/** The form state for field errors, in page order, each linked to its input. */
export function userDetailsState(values: UserFormValues, errors: UserFormState['errors']): UserFormState {
  return formStateWithErrors(values, errors, userFieldOrder, (field) => userFieldIds[field])
}

/** Judges user details answers kept in a draft with the form's own schema (the check-answers page and the save). */
export async function checkUserDetails<F extends Field>(
  values: UserFormValues,
  options: { fields: readonly F[]; exceptUserId?: string },
): Promise<CheckedUserDetails<Pick<UserDetails, F>>> {
  const parsed = await parseForm(userDetailsSchema(options.fields, options.exceptUserId), values, userDetailsState)
  return parsed.ok ? { ok: true, details: parsed.answers } : parsed
}

/** The form state for an email address the database refused as taken (two saves raced). */
export function emailTakenState(values: UserFormValues): UserFormState {
  return userDetailsState(values, { email: userMessages.emailTaken })
}
