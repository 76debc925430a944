import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Database } from '@/db'
import { users, type User } from '@/db/schema'
import { logger } from '@/lib/logger'
import { unusablePasswordHash, verifyPassword } from '@/lib/passwords'
import { isPossibleSignInEmail } from './sign-in-email'
import { accountKey, signInLimits, unknownAddressKey, type SignInLimits } from './sign-in-attempts'

export type PasswordSignIn =
  | { outcome: 'signed-in'; user: User }
  | { outcome: 'inactive' }
  | { outcome: 'refused' }
  | { outcome: 'locked' }
  /** The address cannot be anyone's (not printable ASCII): refused before any lookup. */
  | { outcome: 'bad-email' }
  /** This caller has made too many attempts, whatever the addresses. */
  | { outcome: 'caller-limited' }

export type PasswordAttempt = { email: string; password: string; caller: string }

async function findByEmail(db: Database, email: string): Promise<User | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${email})`, isNull(users.deletedAt)))
  return user
}

/**
 * Checks an email and password. Unknown emails cost the same scrypt work as known ones, and the
 * outcome never says which of the two was wrong. Inactive people are told so only after a correct password.
 * Each caller (client address) has SIGN_IN_ATTEMPTS_PER_ADDRESS attempts per 15 minutes; after 10 failures for
 * one account in 15 minutes, the account is locked for the rest of the 15, however its address is spelt.
 */
export async function authenticateWithPassword(
  db: Database,
  attempt: PasswordAttempt,
  now: Date,
  limits: SignInLimits = signInLimits(),
): Promise<PasswordSignIn> {
  if (!(await limits.admitCaller(attempt.caller))) {
    logger.info('sign-in refused', { reason: 'too many attempts from this caller' })
    return { outcome: 'caller-limited' }
  }
  const email = attempt.email.trim()
  if (!isPossibleSignInEmail(email)) {
    logger.info('sign-in refused', { reason: 'impossible email address' })
    return { outcome: 'bad-email' }
  }
  const user = await findByEmail(db, email)
  const key = user ? accountKey(user.id) : unknownAddressKey(email)
  // Checked before the password, so a locked account costs no scrypt work and gives a guesser nothing.
  if (await limits.locked(key)) {
    logger.info('sign-in refused', { reason: 'too many failed attempts', ...(user ? { userId: user.id } : {}) })
    return { outcome: 'locked' }
  }
  const matches = await verifyPassword(attempt.password, user?.passwordHash ?? (await unusablePasswordHash))
  if (!user || !user.passwordHash || !matches) {
    await limits.recordFailure(key)
    logger.info('sign-in refused', { reason: user ? 'wrong password' : 'unknown email' })
    return { outcome: 'refused' }
  }
  if (!user.active) {
    logger.info('sign-in refused', { reason: 'inactive', userId: user.id })
    return { outcome: 'inactive' }
  }
  await limits.clearFailures(key)
  await db.update(users).set({ lastSignedInAt: now }).where(eq(users.id, user.id))
  logger.info('signed in', { userId: user.id, method: 'password' })
  return { outcome: 'signed-in', user }
}
