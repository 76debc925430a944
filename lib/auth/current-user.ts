import 'server-only'
import { getServerSession } from 'next-auth'
import { forbidden, redirect } from 'next/navigation'
import { cache } from 'react'
import { findUserById } from '@/lib/users/queries'
import { authOptions } from './options'
import { hasGeneralAccess, roleOf, type CurrentUser } from './roles'

export type SessionState = { status: 'signed-out' } | { status: 'inactive' } | { status: 'signed-in'; user: CurrentUser }

/**
 * Who is making this request, read from the session and then from the database, once per request.
 * A session whose person was deleted counts as signed out; a deactivated person is 'inactive'.
 */
export const getSessionState = cache(async (): Promise<SessionState> => {
  const session = await getServerSession(authOptions())
  const id = (session?.user as { id?: unknown } | undefined)?.id
  if (typeof id !== 'string') return { status: 'signed-out' }
  const user = await findUserById(id)
  if (!user) return { status: 'signed-out' }
  if (!user.active) return { status: 'inactive' }
  return {
    status: 'signed-in',
    user: { id: user.id, firstName: user.firstName, lastName: user.lastName, email: user.email, role: roleOf(user) },
  }
})

/** The signed-in, active person; anyone else is sent to sign in or to the "not active" page. */
export async function requireUser(): Promise<CurrentUser> {
  const state = await getSessionState()
  if (state.status === 'signed-out') redirect('/sign-in')
  if (state.status === 'inactive') redirect('/account-not-active')
  return state.user
}

/** A signed-in general-access user; API-only users get the 403 page. */
export async function requireGeneralAccess(): Promise<CurrentUser> {
  const user = await requireUser()
  if (!hasGeneralAccess(user)) forbidden()
  return user
}
