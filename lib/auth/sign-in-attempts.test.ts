import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, describe, expect, it } from 'vitest'
import { allowedFailures, createSignInLimits } from './sign-in-attempts'

const redisUrl = process.env.TEST_REDIS_URL
const connections: Redis[] = []
afterAll(() => connections.forEach((redis) => redis.disconnect()))

describe('sign-in limits in memory', () => {
  it('locks a key after 10 failures and unlocks it on success', async () => {
    const limits = createSignInLimits({ keyPrefix: 'test', attemptsPerCaller: 5 })
    for (let attempt = 1; attempt < allowedFailures; attempt += 1) await limits.recordFailure('account:1')
    await expect(limits.locked('account:1')).resolves.toBe(false)
    await limits.recordFailure('account:1')
    await expect(limits.locked('account:1')).resolves.toBe(true)
    await expect(limits.locked('account:2')).resolves.toBe(false)
    await limits.clearFailures('account:1')
    await expect(limits.locked('account:1')).resolves.toBe(false)
  })

  it('admits a caller for its attempts in the window, then refuses it, and no other caller', async () => {
    const limits = createSignInLimits({ keyPrefix: 'test', attemptsPerCaller: 3 })
    const answers = await Promise.all(Array.from({ length: 5 }, () => limits.admitCaller('203.0.113.9')))
    expect(answers.filter(Boolean)).toHaveLength(3)
    await expect(limits.admitCaller('203.0.113.10')).resolves.toBe(true)
  })
})

// Two instances are two sets of limiters on one Redis: what one counts, the other sees.
describe.runIf(redisUrl)('sign-in limits shared through Redis', () => {
  // Ready before use: the limiters count in memory while Redis is not ready, as they do in an outage.
  const shared = async () => {
    const redis = new Redis(redisUrl ?? '', { maxRetriesPerRequest: 1 })
    connections.push(redis)
    if (redis.status !== 'ready') await new Promise((ready) => redis.once('ready', ready))
    return redis
  }
  const keyPrefix = `rotp-test-${randomUUID()}`

  it('counts failures and caller attempts across instances', async () => {
    const first = createSignInLimits({ redis: await shared(), keyPrefix, attemptsPerCaller: 4 })
    const second = createSignInLimits({ redis: await shared(), keyPrefix, attemptsPerCaller: 4 })
    for (let attempt = 0; attempt < allowedFailures; attempt += 1) await (attempt % 2 ? first : second).recordFailure('account:shared')
    await expect(first.locked('account:shared')).resolves.toBe(true)
    await expect(second.locked('account:shared')).resolves.toBe(true)

    await expect(first.admitCaller('198.51.100.1')).resolves.toBe(true)
    await expect(second.admitCaller('198.51.100.1')).resolves.toBe(true)
    await expect(first.admitCaller('198.51.100.1')).resolves.toBe(true)
    await expect(second.admitCaller('198.51.100.1')).resolves.toBe(true)
    await expect(first.admitCaller('198.51.100.1')).resolves.toBe(false)
    await expect(second.admitCaller('198.51.100.1')).resolves.toBe(false)
  })
})
