import 'server-only'
import { Redis } from 'ioredis'
import { outsideRequest } from '@/lib/http/request-id'
import { onShutdown } from '@/lib/http/shutdown-tasks'
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract, type RateLimiterRes } from 'rate-limiter-flexible'
import { env } from '@/lib/env'
import { describeError, logger } from '@/lib/logger'
import type { RateLimitDecision } from './rate-limit-headers'

const windowSeconds = 60

type Limiters = { perClient: RateLimiterAbstract; perAddress: RateLimiterAbstract; clientPoints: number; addressPoints: number }

// On globalThis so that every bundle of this module counts in the same buckets over one Redis connection.
const holder = globalThis as typeof globalThis & { __registerRateLimiters?: Limiters }

/**
 * A Redis connection that fails fast: no offline queue and a short command timeout, so that when Redis
 * is down or slow each limiter falls back to its in-memory insurance at once instead of holding requests.
 */
function redisClient(url: string): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000, commandTimeout: 500 })
  onShutdown('disconnect', 'Redis (API rate limits)', () => (redis.status === 'ready' ? redis.quit() : redis.disconnect()))
  let reported = false
  redis.on('error', (error: unknown) => {
    if (!reported) logger.warn('register API: Redis unavailable; rate limits are counted per instance', describeError(error))
    reported = true
  })
  redis.on('ready', () => {
    if (reported) logger.info('register API: Redis available again; rate limits are shared')
    reported = false
  })
  return redis
}

function createLimiters(): Limiters {
  const { REDIS_URL, REDIS_KEY_PREFIX, RATE_LIMIT_PER_CLIENT, RATE_LIMIT_PER_IP } = env()
  const inMemory = (points: number, keyPrefix: string) => new RateLimiterMemory({ points, duration: windowSeconds, keyPrefix })
  if (!REDIS_URL) {
    return {
      perClient: inMemory(RATE_LIMIT_PER_CLIENT, 'client'),
      perAddress: inMemory(RATE_LIMIT_PER_IP, 'address'),
      clientPoints: RATE_LIMIT_PER_CLIENT,
      addressPoints: RATE_LIMIT_PER_IP,
    }
  }
  const redis = redisClient(REDIS_URL)
  // When Redis fails, each instance keeps counting on its own (the insurance limiter): limits loosen to
  // N × the limit across N instances for the outage, rather than refusing everyone or counting nothing.
  const shared = (points: number, name: string) =>
    new RateLimiterRedis({
      storeClient: redis,
      points,
      duration: windowSeconds,
      keyPrefix: `${REDIS_KEY_PREFIX}:rate:${name}`,
      rejectIfRedisNotReady: true,
      insuranceLimiter: inMemory(points, name),
    })
  return {
    perClient: shared(RATE_LIMIT_PER_CLIENT, 'client'),
    perAddress: shared(RATE_LIMIT_PER_IP, 'address'),
    clientPoints: RATE_LIMIT_PER_CLIENT,
    addressPoints: RATE_LIMIT_PER_IP,
  }
}

function limiters(): Limiters {
  holder.__registerRateLimiters ??= outsideRequest(createLimiters)
  return holder.__registerRateLimiters
}

function decision(allowed: boolean, limit: number, result: RateLimiterRes): RateLimitDecision {
  return { allowed, limit, remaining: result.remainingPoints, msBeforeReset: result.msBeforeNext }
}

/**
 * The library rejects with its result object when over the limit, and with an Error on failure. Checked
 * by shape, not instanceof: the limiters live on globalThis and may come from another bundle's copy.
 */
function isLimiterResult(value: unknown): value is RateLimiterRes {
  return typeof value === 'object' && value !== null && !(value instanceof Error) && 'msBeforeNext' in value && 'remainingPoints' in value
}

async function consume(limiter: RateLimiterAbstract, limit: number, key: string): Promise<RateLimitDecision> {
  try {
    return decision(true, limit, await limiter.consume(key))
  } catch (rejection) {
    if (isLimiterResult(rejection)) return decision(false, limit, rejection)
    throw rejection
  }
}

/**
 * Creates the limiters, and so starts connecting to Redis, if that has not happened yet. Called at the
 * start of every request so that the connection has the token lookup's time to become ready: until it
 * is, counts go to the in-memory insurance limiter, and the first client on a new instance would be
 * counted in two places.
 */
export function prepareRateLimits(): void {
  limiters()
}

/** Counts one request against a client's bucket (RATE_LIMIT_PER_CLIENT a minute). */
export function consumeClientRequest(clientId: string): Promise<RateLimitDecision> {
  const { perClient, clientPoints } = limiters()
  return consume(perClient, clientPoints, clientId)
}

/** Counts one request without a valid token against its address's bucket (RATE_LIMIT_PER_IP a minute). */
export function consumeAddressRequest(address: string): Promise<RateLimitDecision> {
  const { perAddress, addressPoints } = limiters()
  return consume(perAddress, addressPoints, address)
}
