/** The longest email address RFC 5321 allows. */
const emailMaxLength = 254

/** Printable ASCII without spaces: every address that can have an account (they are all `@education.gov.uk`). */
const printableAscii = /^[\x21-\x7e]+$/

/**
 * Whether a typed sign-in address (already trimmed) could belong to anyone. Anything else, like a NUL
 * byte, a line break or a dotted capital I (U+0130, which PostgreSQL's lower() and JavaScript's
 * toLowerCase() treat differently), is refused before any lookup.
 */
export function isPossibleSignInEmail(email: string): boolean {
  return email.length <= emailMaxLength && printableAscii.test(email) && email.includes('@')
}

/** The message for an address that cannot be anyone's. */
export const emailFormatMessage = 'Enter an email address in the correct format, like name@education.gov.uk'
