import 'server-only'
import { asc, eq, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { apiClients, users } from '@/db/schema'
import type { CurrentUser } from '@/lib/auth/roles'
import { fullName } from '@/lib/users/names'
import { countVisibleApiClients, visibleApiClients } from './access'
import { apiClientStatus, type ApiClientStatus } from './status'

export const apiClientsPerPage = 15

export type ApiClientSummary = { id: string; name: string; expiresOn: string; status: ApiClientStatus; creatorName: string }

/** One page of the clients a person may see, ordered by name ignoring case, then by when they were added. */
export async function listApiClients(viewer: CurrentUser, page: number, now: Date): Promise<{ items: ApiClientSummary[]; total: number }> {
  const db = await getDb()
  const where = visibleApiClients(viewer)
  const total = await countVisibleApiClients(db, viewer)
  const rows = await db
    .select({
      id: apiClients.id,
      name: apiClients.name,
      expiresOn: apiClients.expiresOn,
      revokedAt: apiClients.revokedAt,
      creatorFirstName: users.firstName,
      creatorLastName: users.lastName,
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
      creatorName: fullName({ firstName: row.creatorFirstName, lastName: row.creatorLastName }),
    })),
  }
}
