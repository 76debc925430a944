import { and, asc, eq, sql } from 'drizzle-orm'
import type { Database } from '@/db'
import { apiClients, users } from '@/db/schema'
import type { CurrentUser } from '@/lib/auth/roles'
import { shownName } from '@/lib/users/names'
import { countVisibleApiClients, visibleApiClients } from './access'
import { matchingApiClients, type ClientSearch } from './search'
import { apiClientStatus, apiClientTag, type ApiClientStatus, type ApiClientTag } from './status'

export const apiClientsPerPage = 15

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
    .where(where)
    .orderBy(asc(sql`lower(${apiClients.name})`), asc(apiClients.createdAt), asc(apiClients.id))
    .limit(apiClientsPerPage)
    .offset((page - 1) * apiClientsPerPage)
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
