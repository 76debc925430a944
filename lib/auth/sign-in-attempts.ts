import { RateLimiterMemory } from 'rate-limiter-flexible'

/** Failed sign-ins allowed for one email address before it is locked for a while (GOV.UK: allow 5 to 10). */
export const allowedFailures = 10
export const lockMinutes = 15

// On globalThis so every bundle of this module counts in the same place. Counted per instance: across N
// instances a guesser gets at most N × 10 tries per 15 minutes, still far too few to guess a password.
const holder = globalThis as typeof globalThis & { __registerSignInAttempts?: RateLimiterMemory }

function attempts(): RateLimiterMemory {
  holder.__registerSignInAttempts ??= new RateLimiterMemory({ points: allowedFailures, duration: lockMinutes * 60, keyPrefix: 'sign-in' })
  return holder.__registerSignInAttempts
}

const keyFor = (email: string) => email.trim().toLowerCase()

/** Whether this email address has failed too often recently to be checked at all. */
export async function signInLocked(email: string): Promise<boolean> {
  const record = await attempts().get(keyFor(email))
  return (record?.consumedPoints ?? 0) >= allowedFailures
}

/** Counts a failed sign-in, whether or not the address belongs to anyone (so the lock says nothing either). */
export async function recordFailedSignIn(email: string): Promise<void> {
  await attempts()
    .consume(keyFor(email))
    .catch(() => undefined)
}

/** Forgets the failures once the person signs in. */
export async function clearFailedSignIns(email: string): Promise<void> {
  await attempts().delete(keyFor(email))
}
