import { and, eq, isNull, type SQL } from 'drizzle-orm'
import { apiClients } from '@/db/schema'
import type { CurrentUser } from '@/lib/auth/roles'

/**
 * The one rule for which API clients a person may see and manage: general-access users every client
 * that is not deleted; API-only users only the clients they created. Every query about clients for a
 * person goes through this condition.
 */
export function visibleApiClients(viewer: CurrentUser): SQL {
  const notDeleted = isNull(apiClients.deletedAt)
  if (viewer.role === 'general-access') return notDeleted
  return and(notDeleted, eq(apiClients.createdById, viewer.id)) as SQL
}
