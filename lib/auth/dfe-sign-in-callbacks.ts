import 'server-only'
import type { JWT } from 'next-auth/jwt'
import { getDb } from '@/db'
import { systemClock } from '@/lib/clock'
import { logger } from '@/lib/logger'
import { fullName } from '@/lib/users/names'
import { findUserByDfeSignInUid, matchDfeSignInUser } from './dfe-sign-in'
import { signedInAtClaim } from './session-start'

/** Where a person DfE Sign-in vouches for, but who has no account here, is sent. */
export const notRecognisedPath = '/sign-in/not-recognised'

/**
 * next-auth's signIn callback for DfE Sign-in: true lets the person in; a path refuses them and sends
 * them there (the "not active" page, or the page saying they have no account). Logs ids and reasons only.
 */
export async function admitDfeSignInUser(identity: { sub: string; email: string | undefined }): Promise<true | string> {
  const result = await matchDfeSignInUser(await getDb(), identity, systemClock())
  if (result.outcome === 'signed-in') {
    logger.info('signed in', { userId: result.user.id, method: 'dfe-sign-in' })
    return true
  }
  if (result.outcome === 'inactive') {
    logger.info('sign-in refused', { reason: 'inactive', userId: result.userId, method: 'dfe-sign-in' })
    return '/account-not-active'
  }
  logger.info('sign-in refused', { reason: result.reason, method: 'dfe-sign-in' })
  return notRecognisedPath
}

/**
 * The session token for a DfE Sign-in that admitDfeSignInUser has just let in. next-auth built its token
 * from the OpenID Connect profile, whose id is DfE Sign-in's sub; the session carries our user id
 * instead, with the name and email, exactly as startSession writes it, so getSessionState reads both alike.
 */
export async function dfeSignInSessionToken(sub: string): Promise<JWT> {
  const user = await findUserByDfeSignInUid(await getDb(), sub)
  // Matched a moment ago, so only a deletion in between gets here; next-auth then shows /sign-in?error=Callback.
  if (!user) throw new Error('the person matched to this DfE Sign-in account has gone')
  return { sub: user.id, name: fullName(user), email: user.email, [signedInAtClaim]: Date.now() }
}
