import { parseArgs } from 'node:util'
import type { Database } from '@/db/client'
import { createUser, type UserDetails } from './commands'
import { fullName } from './names'
import { userMessages, validateEmail, validateFirstName, validateLastName } from './user-details'

export const createUserUsage =
  'Usage: npm run users:create -- --first-name NAME --last-name NAME --email NAME@education.gov.uk [--api-user]\n' +
  '  Adds a user who signs in with DfE Sign-in: general access unless --api-user is given.'

/** What the command line asked for, or every mistake in it (each a full sentence for the terminal). */
export type ParsedUserArgs = { ok: true; details: UserDetails } | { ok: false; errors: string[] }

/** Reads `--first-name`, `--last-name`, `--email` and `--api-user`, with the service's own validation messages. */
export function parseCreateUserArgs(args: string[]): ParsedUserArgs {
  let values: { 'first-name'?: string; 'last-name'?: string; email?: string; 'api-user'?: boolean }
  try {
    values = parseArgs({
      args,
      options: { 'first-name': { type: 'string' }, 'last-name': { type: 'string' }, email: { type: 'string' }, 'api-user': { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    return { ok: false, errors: [error instanceof Error ? error.message : String(error)] }
  }
  const firstName = validateFirstName(values['first-name'] ?? '')
  const lastName = validateLastName(values['last-name'] ?? '')
  const email = validateEmail(values.email ?? '')
  const errors = [firstName, lastName, email].flatMap((result) => (result.ok ? [] : [result.message]))
  if (!firstName.ok || !lastName.ok || !email.ok) return { ok: false, errors }
  return { ok: true, details: { firstName: firstName.value, lastName: lastName.value, email: email.value, apiUser: values['api-user'] === true } }
}

/**
 * Adds the user the command line describes, recorded in the history as added by the system (actor null).
 * Returns the line to print, or throws a message for an address already in use.
 */
export async function createUserFromCommandLine(db: Database, details: UserDetails, at: Date): Promise<string> {
  const result = await createUser(db, { details, actor: null, at })
  if (result.outcome === 'email-taken') throw new Error(`${userMessages.emailTaken}: ${details.email}`)
  const access = result.user.apiUser ? 'an API user' : 'general access'
  return `Added ${fullName(result.user)} (${result.user.email}) with ${access}. They can sign in with DfE Sign-in.`
}
