import 'server-only'
import { systemClock } from '@/lib/clock'
import { logger } from '@/lib/logger'
import { unusablePasswordHash, verifyPassword } from '@/lib/passwords'
import { clearFailedSignIns, recordFailedSignIn, signInLocked } from './sign-in-attempts'
import { findUserByEmail, recordSignIn } from '@/lib/users/queries'
import type { User } from '@/db/schema'

export type PasswordSignIn = { outcome: 'signed-in'; user: User } | { outcome: 'inactive' } | { outcome: 'refused' } | { outcome: 'locked' }

/**
 * Checks an email and password. Unknown emails cost the same scrypt work as known ones, and the
 * outcome never says which of the two was wrong. Inactive people are told so only after a correct password.
 * After 10 failures for one email address in 15 minutes, that address is locked for the rest of the 15.
 */
export async function authenticateWithPassword(email: string, password: string): Promise<PasswordSignIn> {
  // Checked before the password, so a locked address costs no scrypt work and gives a guesser nothing.
  if (await signInLocked(email)) {
    logger.info('sign-in refused', { reason: 'too many failed attempts' })
    return { outcome: 'locked' }
  }
  const user = await findUserByEmail(email.trim())
  const matches = await verifyPassword(password, user?.passwordHash ?? (await unusablePasswordHash))
  if (!user || !user.passwordHash || !matches) {
    await recordFailedSignIn(email)
    logger.info('sign-in refused', { reason: user ? 'wrong password' : 'unknown email' })
    return { outcome: 'refused' }
  }
  if (!user.active) {
    logger.info('sign-in refused', { reason: 'inactive', userId: user.id })
    return { outcome: 'inactive' }
  }
  await clearFailedSignIns(email)
  await recordSignIn(user.id, systemClock())
  logger.info('signed in', { userId: user.id, method: 'password' })
  return { outcome: 'signed-in', user }
}
