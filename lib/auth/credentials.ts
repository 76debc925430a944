import 'server-only'
import { systemClock } from '@/lib/clock'
import { logger } from '@/lib/logger'
import { unusablePasswordHash, verifyPassword } from '@/lib/passwords'
import { findUserByEmail, recordSignIn } from '@/lib/users/queries'
import type { User } from '@/db/schema'

export type PasswordSignIn = { outcome: 'signed-in'; user: User } | { outcome: 'inactive' } | { outcome: 'refused' }

/**
 * Checks an email and password. Unknown emails cost the same scrypt work as known ones, and the
 * outcome never says which of the two was wrong. Inactive people are told so only after a correct password.
 */
export async function authenticateWithPassword(email: string, password: string): Promise<PasswordSignIn> {
  const user = await findUserByEmail(email.trim())
  const matches = await verifyPassword(password, user?.passwordHash ?? (await unusablePasswordHash))
  if (!user || !user.passwordHash || !matches) {
    logger.info('sign-in refused', { reason: user ? 'wrong password' : 'unknown email' })
    return { outcome: 'refused' }
  }
  if (!user.active) {
    logger.info('sign-in refused', { reason: 'inactive', userId: user.id })
    return { outcome: 'inactive' }
  }
  await recordSignIn(user.id, systemClock())
  logger.info('signed in', { userId: user.id, method: 'password' })
  return { outcome: 'signed-in', user }
}
