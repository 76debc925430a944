import { exitCodes, fail, printJson } from './output'
import { defineCommand } from './command'
import { clientJson, clientsTable } from './present'
import { findUserByEmail, listCliClients } from './read'
import type { ApiClientStatus } from '../status'

const statuses: readonly ApiClientStatus[] = ['active', 'expired', 'revoked']

/** `list [--creator EMAIL] [--status active|expired|revoked]`: the clients that are not deleted, by name. */
export const listCommand = defineCommand({
  options: ['creator', 'status'],
  positionals: [],
  async run({ db, io, clock }, { values, format }) {
    const status = values.status as ApiClientStatus | undefined
    if (status !== undefined && !statuses.includes(status)) {
      return fail(io, exitCodes.usage, `--status must be active, expired or revoked, not '${status}'`)
    }
    let creatorId: string | undefined
    if (values.creator !== undefined) {
      const creator = await findUserByEmail(db, values.creator)
      if (!creator) return fail(io, exitCodes.notFound, `No user has the email address ${values.creator}`)
      creatorId = creator.id
    }
    const now = clock()
    const clients = await listCliClients(db, { creatorId, status }, now)
    if (format === 'json') printJson(io, { clients: clients.map((client) => clientJson(client)) })
    else io.out(clientsTable(clients))
    return exitCodes.ok
  },
})
