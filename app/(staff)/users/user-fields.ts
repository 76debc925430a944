import type { NewUserDraft } from '@/lib/users/drafts'
import { readFields, type FormState } from '@/lib/forms/form-state'

/** The user details answers as typed (the API user answer as the radios post it: `yes`, `no` or ''). */
export type UserFormValues = NewUserDraft

/** The Add user and Change user details forms' state. */
export type UserFormState = FormState<UserFormValues>

/** The ids (and field names) of the inputs; the error summary and the Change links point at them. */
export const userFieldIds = { firstName: 'first-name', lastName: 'last-name', email: 'email', apiUser: 'api-user' } as const

/** The fields in the order they appear on the page. */
export const userFieldOrder = ['firstName', 'lastName', 'email', 'apiUser'] as const

/** A blank form. */
export const noUserDetails: UserFormValues = { firstName: '', lastName: '', email: '', apiUser: '' }

/** The answers as submitted (missing fields become ''). */
export function readUserFields(formData: FormData): UserFormValues {
  const fields = readFields(formData, Object.values(userFieldIds))
  return { firstName: fields['first-name'], lastName: fields['last-name'], email: fields.email, apiUser: fields['api-user'] }
}

/** How the radios post an API user answer. */
export const apiUserAnswer = (apiUser: boolean) => (apiUser ? 'yes' : 'no')
