import 'server-only'
import { notFound } from 'next/navigation'
import { withProcessDb } from '@/db'
import { requireUser } from '@/lib/auth/current-user'
import type { CurrentUser } from '@/lib/auth/roles'
import { systemClock } from '@/lib/clock'
import * as allowedAddressCommands from './allowed-address-commands'
import * as access from './access'
import * as commands from './commands'
import * as details from './details'
import * as queries from './queries'

// The one door from app/ to API clients' data (docs/decisions/0017): each function is the one of the same name
// in commands.ts, details.ts or queries.ts, with this process's database supplied. Scripts and tests call those.

export const listApiClients = withProcessDb(queries.listApiClients)
export const countVisibleApiClients = withProcessDb(access.countVisibleApiClients)
export const findApiClient = withProcessDb(details.findApiClient)
export const checkClientName = withProcessDb(details.checkClientName)
export const createApiClient = withProcessDb(commands.createApiClient)
export const renameApiClient = withProcessDb(commands.renameApiClient)
export const revokeApiClient = withProcessDb(commands.revokeApiClient)
export const deleteApiClient = withProcessDb(commands.deleteApiClient)
export const regenerateApiClientToken = withProcessDb(commands.regenerateApiClientToken)
export const changeAllowedAddresses = withProcessDb(allowedAddressCommands.changeAllowedAddresses)

/**
 * For pages under /api-clients/{id}: the signed-in person and the client, or the 404 page when the client
 * is unknown, deleted, or (for API-only users) someone else's.
 */
export async function loadApiClientForPage(id: string): Promise<{ viewer: CurrentUser; client: details.ApiClientDetails; now: Date }> {
  const viewer = await requireUser()
  const now = systemClock()
  const client = await findApiClient(viewer, id, now)
  if (!client) notFound()
  return { viewer, client, now }
}
