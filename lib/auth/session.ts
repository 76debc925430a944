import 'server-only'
import { encode } from 'next-auth/jwt'
import { cookies } from 'next/headers'
import { getDb } from '@/db'
import { systemClock } from '@/lib/clock'
import { env } from '@/lib/env'
import { endSessionsOf } from '@/lib/users/sessions'
import { fullName } from '@/lib/users/names'
import { sessionCookieName, sessionMaxAgeSeconds, secureCookiesEnabled } from './cookies'
import { getSessionState } from './current-user'
import { signedInAtClaim } from './session-start'

/**
 * Starts a next-auth session for a person our own sign-in form has just checked. It writes the same
 * encrypted JWT cookie that next-auth's callback would, so getServerSession and the proxy read it as
 * usual; see docs/decisions/0003-sign-in-form-posts-to-a-server-action.md for why the form does not
 * post to next-auth's endpoint.
 */
export async function startSession(user: { id: string; firstName: string; lastName: string; email: string }): Promise<void> {
  const token = await encode({
    token: { sub: user.id, name: fullName(user), email: user.email, [signedInAtClaim]: Date.now() },
    secret: env().NEXTAUTH_SECRET,
    maxAge: sessionMaxAgeSeconds,
  })
  const jar = await cookies()
  jar.set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secureCookiesEnabled(),
    maxAge: sessionMaxAgeSeconds,
  })
}

/**
 * Signs the person out: removes this browser's session cookie and records on the person that their
 * sessions ended now, so a copy of the cookie (or one in another browser) is refused from now on.
 */
export async function endSession(): Promise<void> {
  const state = await getSessionState()
  if (state.status === 'signed-in') await endSessionsOf(await getDb(), { id: state.user.id, at: systemClock() })
  const jar = await cookies()
  jar.delete(sessionCookieName())
}
