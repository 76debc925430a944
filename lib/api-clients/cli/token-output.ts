import type { Database } from '@/db/client'
import { exitCodes, printJson, type CliIo, type ExitCode, type Format } from './output'
import { clientJson, clientText } from './present'
import { findCliClient, previousTokenStopsAt } from './read'

/**
 * Prints a client and its new token, the one time the token is ever shown: on stdout only, never on stderr
 * and never logged, so `2>log` keeps it out of a log file. With --format json it is the `token` field.
 */
export async function printClientWithToken(
  { db, io, now, format }: { db: Database; io: CliIo; now: Date; format: Format },
  clientId: string,
  token: string,
  heading: string,
): Promise<ExitCode> {
  const client = await findCliClient(db, clientId, now)
  if (!client) throw new Error(`API client ${clientId} vanished after it was saved`)
  const extra = { previousTokenStopsAt: await previousTokenStopsAt(db, client.id, now) }
  if (format === 'json') {
    printJson(io, { client: clientJson(client, extra), token })
    return exitCodes.ok
  }
  io.out(`${heading}\n\n${clientText(client, extra)}\nToken (shown only now: copy it, it cannot be shown again):\n${token}\n`)
  return exitCodes.ok
}
