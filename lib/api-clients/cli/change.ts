import { commandLine } from '../actor'
import { deleteApiClient, revokeApiClient, type ChangeResult } from '../commands'
import { apiClientStatus } from '../status'
import { defineCommand } from './command'
import { exitCodes, fail, printJson, type CliIo, type ExitCode } from './output'
import { clientJson, clientText } from './present'
import { findCliClient } from './read'
import { clientNotFound } from './show'

/** Why a change cannot be made to a client that is not active (exit code 5). */
export function notActiveMessage(client: { revokedAt: Date | null; expiresOn: string }, now: Date): string {
  return apiClientStatus(client, now) === 'revoked' ? 'The API client is already revoked' : 'The API client has expired'
}

/** The exit code and message for an outcome other than a change, or undefined when the change was made. */
export function unchangedOutcome(io: CliIo, id: string, result: ChangeResult, now: Date): ExitCode | undefined {
  if (result.outcome === 'not-found') return fail(io, exitCodes.notFound, clientNotFound(id))
  if (result.outcome === 'not-active' && result.client) return fail(io, exitCodes.conflict, notActiveMessage(result.client, now))
  if (result.outcome !== 'changed') throw new Error(`unexpected outcome ${result.outcome}`)
  return undefined
}

/** `revoke ID`: every token of an active client stops working, on every instance, on the next request. */
export const revokeCommand = defineCommand({
  options: [],
  positionals: ['ID'],
  async run({ db, io, clock }, { positionals: [id = ''], format }) {
    const now = clock()
    const result = await revokeApiClient(db, { id, actor: commandLine, at: now })
    const refused = unchangedOutcome(io, id, result, now)
    if (refused !== undefined) return refused
    const client = await findCliClient(db, id, now)
    if (!client) throw new Error(`API client ${id} vanished after it was revoked`)
    if (format === 'json') printJson(io, { client: clientJson(client) })
    else io.out(`API client revoked\n\n${clientText(client)}`)
    return exitCodes.ok
  },
})

/** `delete ID`: soft-deletes a client whatever its status; it leaves every list but its history stays. */
export const deleteCommand = defineCommand({
  options: [],
  positionals: ['ID'],
  async run({ db, io, clock }, { positionals: [id = ''], format }) {
    const now = clock()
    const result = await deleteApiClient(db, { id, actor: commandLine, at: now })
    const refused = unchangedOutcome(io, id, result, now)
    if (refused !== undefined) return refused
    const deleted = { id, name: result.client?.name ?? '', deletedAt: (result.client?.deletedAt ?? now).toISOString() }
    if (format === 'json') printJson(io, { client: deleted })
    else io.out(`API client deleted: ${deleted.name} (${id})\n`)
    return exitCodes.ok
  },
})
