import 'server-only'
import { notFound } from 'next/navigation'
import { withProcessDb } from '@/db'
import type { User } from '@/db/schema'
import { requireGeneralAccess } from '@/lib/auth/current-user'
import type { CurrentUser } from '@/lib/auth/roles'
import * as commands from './commands'
import * as details from './details'
import * as list from './list'

// The one door from app/ to users' data (docs/decisions/0017): each function is the one of the same name in
// commands.ts, details.ts or list.ts, with this process's database supplied. Scripts and tests call those.

export const listUsers = withProcessDb(list.listUsers)
export const findUser = withProcessDb(details.findUser)
export const apiClientCounts = withProcessDb(details.apiClientCounts)
export const checkUserEmail = withProcessDb(details.checkUserEmail)
export const createUser = withProcessDb(commands.createUser)
export const updateUser = withProcessDb(commands.updateUser)
export const deactivateUser = withProcessDb(commands.deactivateUser)
export const reactivateUser = withProcessDb(commands.reactivateUser)
export const deleteUser = withProcessDb(commands.deleteUser)

/**
 * For pages under /users/{id}: the signed-in general-access person (API-only users get the 403 page) and the
 * user, or the 404 page when the user is unknown or deleted. `isSelf` marks the viewer's own account.
 */
export async function loadUserForPage(id: string): Promise<{ viewer: CurrentUser; user: User; isSelf: boolean }> {
  const viewer = await requireGeneralAccess()
  const user = await findUser(id)
  if (!user) notFound()
  return { viewer, user, isSelf: user.id === viewer.id }
}
