import { Redis } from 'ioredis'
import { outsideRequest } from '@/lib/http/request-id'
import { onShutdown } from '@/lib/http/shutdown-tasks'
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { env } from '@/lib/env'
import { describeError, logger } from '@/lib/logger'

/** Failed sign-ins allowed for one account (or unknown address) before it is locked for a while (GOV.UK: allow 5 to 10). */
export const allowedFailures = 10
export const lockMinutes = 15

export type SignInLimits = {
  /** Whether this account or address has failed too often recently to be checked at all. */
  locked(key: string): Promise<boolean>
  /** Counts a failed sign-in against an account or address. */
  recordFailure(key: string): Promise<void>
  /** Forgets an account's failures once the person signs in. */
  clearFailures(key: string): Promise<void>
  /** Counts one attempt from a caller; false when the caller has used up the window's attempts. */
  admitCaller(address: string): Promise<boolean>
}

/**
 * The limiters behind SignInLimits: in memory, or shared through Redis by every instance (with an
 * in-memory insurance limiter while Redis is unreachable, as lib/api/rate-limits.ts does).
 */
export function createSignInLimits(options: { redis?: Redis; keyPrefix: string; attemptsPerCaller: number }): SignInLimits {
  const duration = lockMinutes * 60
  const limiter = (points: number, name: string): RateLimiterAbstract => {
    const inMemory = new RateLimiterMemory({ points, duration, keyPrefix: `sign-in-${name}` })
    if (!options.redis) return inMemory
    return new RateLimiterRedis({
      storeClient: options.redis,
      points,
      duration,
      keyPrefix: `${options.keyPrefix}:sign-in:${name}`,
      rejectIfRedisNotReady: true,
      insuranceLimiter: inMemory,
    })
  }
  const failures = limiter(allowedFailures, 'failures')
  const callers = limiter(options.attemptsPerCaller, 'caller')
  return {
    async locked(key) {
      const record = await failures.get(key).catch(() => null)
      return (record?.consumedPoints ?? 0) >= allowedFailures
    },
    async recordFailure(key) {
      // Rejects once over the limit (and on a store failure): the count is what matters, not the answer.
      await failures.consume(key).catch(() => undefined)
    },
    async clearFailures(key) {
      await failures.delete(key).catch(() => undefined)
    },
    async admitCaller(address) {
      return callers.consume(address).then(
        () => true,
        (rejection: unknown) => {
          // Over the limit: the library rejects with its result. Any Error is a store failure: let them try.
          if (rejection instanceof Error) return true
          return false
        },
      )
    },
  }
}

function redisClient(url: string): Redis {
  // Fails fast, like the API's limiter client: a slow or absent Redis must not hold a sign-in.
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000, commandTimeout: 500 })
  onShutdown('disconnect', 'Redis (sign-in attempts)', () => (redis.status === 'ready' ? redis.quit() : redis.disconnect()))
  let reported = false
  redis.on('error', (error: unknown) => {
    if (!reported) logger.warn('sign-in: Redis unavailable; sign-in attempts are counted per instance', describeError(error))
    reported = true
  })
  redis.on('ready', () => {
    reported = false
  })
  return redis
}

// On globalThis so every bundle of this module counts in the same place (and shares one Redis connection).
const holder = globalThis as typeof globalThis & { __registerSignInLimits?: SignInLimits }

/** This process's sign-in limits: shared through Redis when REDIS_URL is set, else in memory. */
export function signInLimits(): SignInLimits {
  const { REDIS_URL, REDIS_KEY_PREFIX, SIGN_IN_ATTEMPTS_PER_ADDRESS } = env()
  holder.__registerSignInLimits ??= createSignInLimits({
    redis: REDIS_URL ? outsideRequest(() => redisClient(REDIS_URL)) : undefined,
    keyPrefix: REDIS_KEY_PREFIX,
    attemptsPerCaller: SIGN_IN_ATTEMPTS_PER_ADDRESS,
  })
  return holder.__registerSignInLimits
}

/** The key that counts failures for an account once it is found: its id, never a spelling of its address. */
export const accountKey = (id: string) => `account:${id}`

/**
 * The key for an address that belongs to nobody, so failures there count (and lock) like any other and
 * the lock says nothing about whether the account exists. Addresses are printable ASCII by then.
 */
export const unknownAddressKey = (email: string) => `email:${email.toLowerCase()}`
