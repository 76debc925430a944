import 'server-only'
import { notFound } from 'next/navigation'
import { getDb } from '@/db'
import type { User } from '@/db/schema'
import { requireGeneralAccess } from '@/lib/auth/current-user'
import type { CurrentUser } from '@/lib/auth/roles'
import { findUser } from './details'

/**
 * For pages under /users/{id}: the signed-in general-access person (API-only users get the 403 page) and the
 * user, or the 404 page when the user is unknown or deleted. `isSelf` marks the viewer's own account.
 */
export async function loadUserForPage(id: string): Promise<{ viewer: CurrentUser; user: User; isSelf: boolean }> {
  const viewer = await requireGeneralAccess()
  const user = await findUser(await getDb(), id)
  if (!user) notFound()
  return { viewer, user, isSelf: user.id === viewer.id }
}
