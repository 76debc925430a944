import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '@/db'
import { apiClients, users } from '@/db/schema'
import type { CurrentUser } from '@/lib/auth/roles'
import { shownName } from '@/lib/users/names'
import { countVisibleApiClients, visibleApiClients } from './access'
import { matchingApiClients, type ClientSearch } from './search'
import { apiClientStatus, apiClientTag, type ApiClientStatus, type ApiClientTag } from './status'

export const apiClientsPerPage = 15

// By name ignoring case, then by when they were added, then id: exactly the index's columns.
const listOrder = [asc(sql`lower(${apiClients.name})`), asc(apiClients.createdAt), asc(apiClients.id)]

export type ApiClientSummary = {
  id: string
  name: string
  expiresOn: string
  status: ApiClientStatus
  tag: ApiClientTag
  creatorName: string
  lastUsedAt: Date | null
}

/**
 * One page of the clients a person may see, of those a search matches if there is one (search.ts), ordered by
 * name ignoring case, then by when they were added.
 */
export async function listApiClients(
  db: Database,
  viewer: CurrentUser,
  page: number,
  now: Date,
  search?: ClientSearch,
): Promise<{ items: ApiClientSummary[]; total: number }> {
  const where = and(visibleApiClients(viewer), matchingApiClients(search))
  const total = await countVisibleApiClients(db, viewer, search)
  // The page's ids first, from the index on this order (api_clients_live_list_order) without reading the rows
  // skipped, and only then those rows: the last page of 10,000 costs about what the first does (issue 16).
  // A text search also matches the creator's name and email, so only then are the users joined here.
  const clients = db.select({ id: apiClients.id }).from(apiClients)
  const candidates = search?.kind === 'text' ? clients.innerJoin(users, eq(users.id, apiClients.createdById)) : clients
  const pageIds = candidates
    .where(where)
    .orderBy(...listOrder)
    .limit(apiClientsPerPage)
    .offset((page - 1) * apiClientsPerPage)
  const rows = await db
    .select({
      id: apiClients.id,
      name: apiClients.name,
      expiresOn: apiClients.expiresOn,
      revokedAt: apiClients.revokedAt,
      lastUsedAt: apiClients.lastUsedAt,
      creatorFirstName: users.firstName,
      creatorLastName: users.lastName,
      creatorDeletedAt: users.deletedAt,
    })
    .from(apiClients)
    .innerJoin(users, eq(users.id, apiClients.createdById))
    .where(inArray(apiClients.id, pageIds))
    .orderBy(...listOrder)
  return {
    total,
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      expiresOn: row.expiresOn,
      status: apiClientStatus(row, now),
      tag: apiClientTag(row, now),
      // A deleted user's clients are deleted with them, so this is their name; the rule is the same everywhere.
      creatorName: shownName({ firstName: row.creatorFirstName, lastName: row.creatorLastName, deletedAt: row.creatorDeletedAt }),
      lastUsedAt: row.lastUsedAt,
    })),
  }
}
