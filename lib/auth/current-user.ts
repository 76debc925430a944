import 'server-only'
import { getServerSession } from 'next-auth'
import { forbidden, redirect } from 'next/navigation'
import { cache } from 'react'
import { getDb } from '@/db'
import { findUser } from '@/lib/users/details'
import { authOptions } from './options'
import { hasGeneralAccess, roleOf, type CurrentUser } from './roles'
import { sessionStillValid } from './session-start'

export type SessionState = { status: 'signed-out' } | { status: 'inactive' } | { status: 'signed-in'; user: CurrentUser }

/**
 * Who is making this request, read from the session and then from the database, once per request.
 * A session whose person was deleted, or that started before the person's sessions were last ended
 * (sign-out, "Sign out everywhere", deactivation), counts as signed out; a deactivated person is 'inactive'.
 */
export const getSessionState = cache(async (): Promise<SessionState> => {
  const session = await getServerSession(authOptions())
  const { id, signedInAt } = (session?.user ?? {}) as { id?: unknown; signedInAt?: unknown }
  if (typeof id !== 'string') return { status: 'signed-out' }
  const user = await findUser(await getDb(), id)
  if (!user) return { status: 'signed-out' }
  // Before the sessions check, so a person deactivated mid-session is told so rather than sent to sign in.
  if (!user.active) return { status: 'inactive' }
  if (!sessionStillValid(signedInAt, user.sessionsEndedAt)) return { status: 'signed-out' }
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
