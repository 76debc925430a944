import 'server-only'
import { redirect } from 'next/navigation'
import { badRequest } from '@/lib/http/bad-request'
import { getSessionState } from './current-user'
import { hasGeneralAccess, type CurrentUser } from './roles'

/**
 * Wraps a server action so it runs only for an active, signed-in person, re-read from the database on
 * every call (a session cookie alone proves nothing about today's role or status). Server actions are
 * public endpoints: every action in the service goes through this.
 */
export function staffAction<State, Args extends unknown[]>(
  handler: (user: CurrentUser, ...args: Args) => Promise<State>,
  options: { generalAccessOnly?: boolean } = {},
): (...args: Args) => Promise<State> {
  return async (...args: Args) => {
    const state = await getSessionState()
    if (state.status === 'signed-out') redirect('/sign-in')
    if (state.status === 'inactive') redirect('/account-not-active')
    // Not forbidden() here: for a form posted without JavaScript Next would answer with its 404 page.
    if (options.generalAccessOnly && !hasGeneralAccess(state.user)) redirect('/permission-denied')
    // A forged call with too few arguments is the caller's fault (400), not a server error.
    if (args.length < handler.length - 1) badRequest('a server action was called with too few arguments')
    return handler(state.user, ...args)
  }
}
