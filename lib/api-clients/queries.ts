import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
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
// The same order backwards, for pages nearer the end.
const reverseOrder = [desc(sql`lower(${apiClients.name})`), desc(apiClients.createdAt), desc(apiClients.id)]

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
  // The page's ids first, along the index on this order (api_clients_live_list_order), and only then their rows
  // and creators. An offset still walks the index past every client skipped, fetching each one's row, and
  // PostgreSQL would rather sort them all than do that for a page near the end (15 ms at 10,000 clients): so a
  // page in the second half is read from the end backwards, and the last page costs what the first does (issue
  // 16). The window comes from `total`, counted just before: a client added or deleted in between shifts it by
  // one, as it would shift a page read from the front.
  // A text search also matches the creator's name and email, so only then are the users joined here.
  const clients = db.select({ id: apiClients.id }).from(apiClients)
  const candidates = (search?.kind === 'text' ? clients.innerJoin(users, eq(users.id, apiClients.createdById)) : clients).where(where)
  const start = (page - 1) * apiClientsPerPage
  const after = total - start
  const pageIds =
    start > after
      ? candidates
          .orderBy(...reverseOrder)
          .limit(Math.max(0, Math.min(apiClientsPerPage, after)))
          .offset(Math.max(0, after - apiClientsPerPage))
      : candidates.orderBy(...listOrder).limit(apiClientsPerPage).offset(start)
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
