import type { Database } from '@/db'
import { countVisibleApiClients } from '@/lib/api-clients/access'
import { findApiClient } from '@/lib/api-clients/details'
import { apiClientsPerPage } from '@/lib/api-clients/queries'
import { listSearch } from '@/lib/api-clients/search'
import { activityPerPage, listActivity } from '@/lib/history/activity'
import { parsePageNumber, totalPages } from '@/lib/pagination'
import { findUser } from '@/lib/users/details'
import { listUsers, usersPerPage } from '@/lib/users/list'
import { roleOf, type CurrentUser } from './roles'
import { sessionStillValid } from './session-start'

/** What a staff page would answer a person: itself, the 404 page or the 403 page. */
export type PageAccess = 'page' | 'not-found' | 'forbidden'

const apiClientPage = /^\/api-clients\/([^/]+)(?:\/(?:edit|check|revoke|delete))?\/?$/
const userPage = /^\/users\/([^/]+)(?:\/(?:edit|deactivate|reactivate|delete))?\/?$/

/**
 * Whether the staff page at this address is the 404 or 403 page for this person, judged by the same rules
 * and queries as the page itself (lib/api-clients/load.ts, lib/users/load.ts, the list pages). The proxy
 * asks before rendering, because Next cannot put the words of a notFound() or forbidden() page into the
 * HTML (they arrive only with JavaScript): see docs/decisions/0012-pages-and-forms.md. Anyone not signed in
 * and active, or whose session was ended (sign-out, deactivation, "Sign out everywhere"), gets 'page', so the
 * page itself sends them to sign in or to "Your account is not active" and tells them nothing else.
 */
export async function staffPageAccess(
  db: Database,
  session: { userId: string; signedInAt: unknown },
  pathname: string,
  search: URLSearchParams,
  now: Date,
): Promise<PageAccess> {
  const person = await findUser(db, session.userId)
  if (!person?.active || !sessionStillValid(session.signedInAt, person.sessionsEndedAt)) return 'page'
  const viewer: CurrentUser = { id: person.id, firstName: person.firstName, lastName: person.lastName, email: person.email, role: roleOf(person) }
  // Where a server action sends someone whose role does not allow the action (lib/auth/staff-action.ts).
  if (pathname === '/permission-denied') return 'forbidden'
  if (pathname === '/users' || pathname.startsWith('/users/')) {
    if (viewer.role !== 'general-access') return 'forbidden'
    const id = userPage.exec(pathname)?.[1]
    if (id !== undefined && id !== 'new' && !(await findUser(db, id))) return 'not-found'
    if (pathname === '/users' && (await beyondLastPage(search, usersPerPage, async (page) => (await listUsers(db, page)).total))) return 'not-found'
    return 'page'
  }
  const clientId = apiClientPage.exec(pathname)?.[1]
  if (clientId !== undefined && clientId !== 'new') return (await findApiClient(db, viewer, clientId, now)) ? 'page' : 'not-found'
  if (
    pathname === '/api-clients' &&
    (await beyondLastPage(search, apiClientsPerPage, () => countVisibleApiClients(db, viewer, listSearch(search))))
  ) {
    return 'not-found'
  }
  if (pathname === '/activity' && (await beyondLastPage(search, activityPerPage, async (page) => (await listActivity(db, viewer, page)).total))) {
    return 'not-found'
  }
  return 'page'
}

async function beyondLastPage(search: URLSearchParams, perPage: number, count: (page: number) => Promise<number>): Promise<boolean> {
  const page = parsePageNumber(search.get('page') ?? undefined)
  if (page === 1) return false
  return page > totalPages({ perPage, total: await count(page) })
}
