import { and, count, eq, isNull, type SQL } from 'drizzle-orm'
import type { Database } from '@/db'
import { apiClients, users } from '@/db/schema'
import type { CurrentUser } from '@/lib/auth/roles'
import { isCommandLine, type Actor } from './actor'
import { matchingApiClients, type ClientSearch } from './search'

/**
 * The one rule for which API clients a person may see and manage: general-access users every client
 * that is not deleted; API-only users only the clients they created. Every query about clients for a
 * person (or the operator's command line) goes through this condition.
 */
export function visibleApiClients(viewer: Actor): SQL {
  const notDeleted = isNull(apiClients.deletedAt)
  // The operator's command line sees what general-access users see (lib/api-clients/actor.ts).
  if (isCommandLine(viewer) || viewer.role === 'general-access') return notDeleted
  return and(notDeleted, eq(apiClients.createdById, viewer.id)) as SQL
}

/**
 * How many API clients this person may see, of those a search matches if there is one: the API clients
 * list's total, also used to find its last page.
 */
export async function countVisibleApiClients(db: Database, viewer: CurrentUser, search?: ClientSearch): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(apiClients)
    .innerJoin(users, eq(users.id, apiClients.createdById))
    .where(and(visibleApiClients(viewer), matchingApiClients(search)))
  return row?.total ?? 0
}
