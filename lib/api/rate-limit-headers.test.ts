import { describe, expect, it } from 'vitest'
import { rateLimitHeaders, secondsUntilReset } from './rate-limit-headers'

describe('rateLimitHeaders', () => {
  it('describes the bucket on an allowed request, without Retry-After', () => {
    expect(rateLimitHeaders({ allowed: true, limit: 300, remaining: 299, msBeforeReset: 59_990 })).toEqual({
      'RateLimit-Limit': '300',
      'RateLimit-Remaining': '299',
      'RateLimit-Reset': '60',
    })
  })

  it('adds Retry-After, equal to the reset, on a refusal', () => {
    expect(rateLimitHeaders({ allowed: false, limit: 100, remaining: 0, msBeforeReset: 12_001 })).toEqual({
      'RateLimit-Limit': '100',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': '13',
      'Retry-After': '13',
    })
  })

  it('never says remaining is below 0 or above the limit', () => {
    expect(rateLimitHeaders({ allowed: false, limit: 10, remaining: -3, msBeforeReset: 1 })['RateLimit-Remaining']).toBe('0')
    expect(rateLimitHeaders({ allowed: true, limit: 10, remaining: 11, msBeforeReset: 1 })['RateLimit-Remaining']).toBe('10')
  })
})

describe('secondsUntilReset', () => {
  it.each([
    [0, 1],
    [-5, 1],
    [1, 1],
    [1_000, 1],
    [1_001, 2],
    [60_000, 60],
  ])('%i ms → %i s (rounded up, at least 1)', (ms, seconds) => {
    expect(secondsUntilReset(ms)).toBe(seconds)
  })
})
