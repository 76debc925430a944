import { exitCodes, fail, printJson } from './output'
import { defineCommand } from './command'
import { clientJson, clientText } from './present'
import { findCliClient, previousTokenStopsAt } from './read'

/** The message for an id that names no client the command line may see (unknown, deleted, or not an id). */
export function clientNotFound(id: string): string {
  return `No API client has the ID ${id}`
}

/** `show ID`: one client's details, with when a replaced token stops during a regeneration's overlap. */
export const showCommand = defineCommand({
  options: [],
  positionals: ['ID'],
  async run({ db, io, clock }, { positionals: [id = ''], format }) {
    const now = clock()
    const client = await findCliClient(db, id, now)
    if (!client) return fail(io, exitCodes.notFound, clientNotFound(id))
    const extra = { previousTokenStopsAt: client.status === 'active' ? await previousTokenStopsAt(db, client.id, now) : null }
    if (format === 'json') printJson(io, { client: clientJson(client, extra) })
    else io.out(clientText(client, extra))
    return exitCodes.ok
  },
})
