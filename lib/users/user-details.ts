import { controlCharacterMessage, plainText } from '@/lib/forms/plain-text'

/** The longest first or last name, in Unicode code points (the database stores text; this keeps pages tidy). */
export const nameMaxLength = 100

/** The only email addresses the service accepts: Department for Education ones (docs/decisions/0011). */
const educationEmail = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@education\.gov\.uk$/i

/** The longest email address RFC 5321 allows. */
const emailMaxLength = 254

/** The messages the real service shows, as docs/product/users.md lists them. */
export const userMessages = {
  firstNameMissing: 'Enter first name',
  firstNameTooLong: `First name must be ${nameMaxLength} characters or less`,
  lastNameMissing: 'Enter last name',
  lastNameTooLong: `Last name must be ${nameMaxLength} characters or less`,
  firstNameCharacters: controlCharacterMessage('First name'),
  lastNameCharacters: controlCharacterMessage('Last name'),
  emailMissing: 'Enter email address',
  emailFormat: 'Enter a Department for Education email address in the correct format, like name@education.gov.uk',
  emailTaken: 'Email address already in use',
  apiUserMissing: 'Select if the account is an API user',
} as const

export type NameResult = { ok: true; value: string } | { ok: false; message: string }

function checkName(raw: string, missing: string, tooLong: string, characters: string): NameResult {
  const value = raw.trim()
  if (value === '') return { ok: false, message: missing }
  if ([...value].length > nameMaxLength) return { ok: false, message: tooLong }
  if (!plainText(characters).safeParse(value).success) return { ok: false, message: characters }
  return { ok: true, value }
}

/** A trimmed first name, or the message to show next to the field. */
export function validateFirstName(raw: string): NameResult {
  return checkName(raw, userMessages.firstNameMissing, userMessages.firstNameTooLong, userMessages.firstNameCharacters)
}

/** A trimmed last name, or the message to show next to the field. */
export function validateLastName(raw: string): NameResult {
  return checkName(raw, userMessages.lastNameMissing, userMessages.lastNameTooLong, userMessages.lastNameCharacters)
}

/**
 * A Department for Education email address, trimmed and in lower case. Its pattern allows only ASCII
 * letters, digits and symbols, so a control character gets the format message. (addresses are matched ignoring case,
 * and DfE Sign-in may send any case), or the message to show next to the field.
 */
export function validateEmail(raw: string): NameResult {
  const value = raw.trim().toLowerCase()
  if (value === '') return { ok: false, message: userMessages.emailMissing }
  if (value.length > emailMaxLength || !educationEmail.test(value) || value.includes('..') || value.startsWith('.') || value.includes('.@')) {
    return { ok: false, message: userMessages.emailFormat }
  }
  return { ok: true, value }
}

/** The answer to "Is the account an API user?": the radios post `yes` or `no`. */
export function parseApiUserAnswer(raw: string): { ok: true; value: boolean } | { ok: false; message: string } {
  if (raw === 'yes') return { ok: true, value: true }
  if (raw === 'no') return { ok: true, value: false }
  return { ok: false, message: userMessages.apiUserMissing }
}
