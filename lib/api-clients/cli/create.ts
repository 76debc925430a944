import { roleOf, type CurrentUser } from '@/lib/auth/roles'
import { ukDate } from '@/lib/dates'
import { commandLine } from '../actor'
import { clientNameNotUniqueMessage } from '../client-name'
import { createApiClient } from '../commands'
import { checkClientName } from '../details'
import { dateFields, notRealDateMessage, parseExpiryDate, type ExpiryDateResult } from '../expiry-date'
import { defineCommand } from './command'
import { exitCodes, fail } from './output'
import { findUserByEmail } from './read'
import { printClientWithToken } from './token-output'

/**
 * The expiry date as the form judges it, from `YYYY-MM-DD` split into the form's three parts, so every message
 * is the form's; text that is not three parts joined by hyphens cannot be a real date.
 */
export function parseExpiresOn(raw: string | undefined, today: string): ExpiryDateResult {
  const text = (raw ?? '').trim()
  const parts = text === '' ? ['', '', ''] : text.split('-')
  const [year = '', month = '', day = ''] = parts
  if (parts.length !== 3) return { ok: false, message: notRealDateMessage, fields: [...dateFields] }
  return parseExpiryDate({ day, month, year }, today)
}

/** `create --name NAME --expires-on YYYY-MM-DD --creator EMAIL`: adds a client for that user, printing its token once. */
export const createCommand = defineCommand({
  options: ['name', 'expires-on', 'creator'],
  positionals: [],
  async run({ db, io, clock, tokens }, { values, format }) {
    if (values.creator === undefined) return fail(io, exitCodes.usage, 'Give the email address of the user the client is for: --creator EMAIL')
    const user = await findUserByEmail(db, values.creator)
    if (!user) return fail(io, exitCodes.notFound, `No user has the email address ${values.creator}`)
    if (!user.active) return fail(io, exitCodes.validation, `${user.email} is deactivated, so they cannot have a new API client`)
    const creator: CurrentUser = { id: user.id, firstName: user.firstName, lastName: user.lastName, email: user.email, role: roleOf(user) }
    const now = clock()
    // Both answers are judged before either is reported, as the form reports a wrong name and a wrong date together.
    const name = await checkClientName(db, creator.id, values.name ?? '')
    const date = parseExpiresOn(values['expires-on'], ukDate(now))
    const messages = [name, date].flatMap((result) => (result.ok ? [] : [result.message]))
    if (!name.ok || !date.ok) {
      const onlyTaken = messages.length === 1 && messages[0] === clientNameNotUniqueMessage
      return fail(io, onlyTaken ? exitCodes.conflict : exitCodes.validation, ...messages)
    }
    const result = await createApiClient(db, { name: name.name, expiresOn: date.date, creator, actor: commandLine, at: now, tokens })
    // The database's unique index has the last word when two additions race.
    if (result.outcome === 'name-taken') return fail(io, exitCodes.conflict, clientNameNotUniqueMessage)
    return printClientWithToken({ db, io, now, format }, result.client.id, result.token, 'API client added')
  },
})
