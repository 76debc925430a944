import { createHash } from 'node:crypto'

/**
 * The `sub` the test provider gives an email address unless a journey asks for another: derived from the
 * address, so it is the same in every run, but not the address itself, so a journey proves that the
 * service stores and matches the `sub`. Shaped like DfE Sign-in's, an upper-case UUID.
 */
export function testSubjectFor(email: string): string {
  const hex = createHash('sha256').update(email.trim().toLowerCase()).digest('hex').toUpperCase()
  return [hex.slice(0, 8), hex.slice(8, 12), `4${hex.slice(13, 16)}`, `8${hex.slice(17, 20)}`, hex.slice(20, 32)].join('-')
}
