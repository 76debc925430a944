import { controlCharacterMessage, plainText } from '@/lib/forms/plain-text'

/**
 * The longest client name, in Unicode code points: the database checks `char_length(name) between 1 and 200`,
 * and PostgreSQL's `char_length` counts code points in a UTF-8 database.
 */
export const clientNameMaxLength = 200

/** The message for a name one of this creator's live clients already has, ignoring case; checked with the database. */
export const clientNameNotUniqueMessage = 'Client name must be unique'

/** The message for a name with a control character in it (a NUL, tab, newline …): see lib/forms/plain-text.ts. */
export const clientNameControlCharacterMessage = controlCharacterMessage('Client name')

const clientNameText = plainText(clientNameControlCharacterMessage)

/** The trimmed client name, or the message to show next to the field. */
export type ClientNameResult = { ok: true; name: string } | { ok: false; message: string }

/**
 * Trims a submitted client name and checks it is present, at most 200 characters and free of control
 * characters (docs/product/api-clients.md; PostgreSQL refuses a NUL outright). Internal spaces are kept as
 * typed: the name is the user's own label, and what we count is exactly what we store.
 */
export function validateClientName(raw: string): ClientNameResult {
  const name = raw.trim()
  if (name === '') return { ok: false, message: 'Enter client name' }
  // Count code points, as the database does, so the form and the check constraint always agree. UTF-16 units
  // (`length`) would count an emoji as 2; graphemes would count a flag as 1 where the database counts 2.
  if ([...name].length > clientNameMaxLength) {
    return { ok: false, message: `Client name must be ${clientNameMaxLength} characters or less` }
  }
  const text = clientNameText.safeParse(name)
  if (!text.success) return { ok: false, message: clientNameControlCharacterMessage }
  return { ok: true, name }
}
