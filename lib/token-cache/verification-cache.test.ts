import { describe, expect, it } from 'vitest'
import { VerificationCache } from './verification-cache'

const client = (id: string) => ({ id, name: `Client ${id}`, expiresOn: '2027-03-31', createdById: 'creator', tokenStopsAt: null })

function cacheWith(limits = { maxEntries: 3, maxAgeMs: 60_000 }) {
  return new VerificationCache(limits)
}

describe('VerificationCache', () => {
  it('gives back what was stored under a token hash', () => {
    const cache = cacheWith()
    expect(cache.set('hash-a', client('a'), 0, cache.generation)).toBe(true)
    expect(cache.get('hash-a', 1)).toEqual(client('a'))
    expect(cache.get('hash-b', 1)).toBeUndefined()
  })

  it('counts hits and misses for /metrics, an entry past its age as a miss', () => {
    const cache = cacheWith({ maxEntries: 3, maxAgeMs: 100 })
    cache.set('hash-a', client('a'), 0, cache.generation)
    cache.get('hash-a', 1)
    cache.get('hash-a', 2)
    cache.get('hash-b', 3)
    cache.get('hash-a', 100)
    expect({ hits: cache.hits, misses: cache.misses }).toEqual({ hits: 2, misses: 2 })
  })

  it('forgets one client by id, leaving the others', () => {
    const cache = cacheWith()
    cache.set('hash-a', client('a'), 0, cache.generation)
    cache.set('hash-b', client('b'), 0, cache.generation)
    cache.forgetClient('a')
    expect(cache.get('hash-a', 1)).toBeUndefined()
    expect(cache.get('hash-b', 1)).toEqual(client('b'))
  })

  it('forgets everything on clear', () => {
    const cache = cacheWith()
    cache.set('hash-a', client('a'), 0, cache.generation)
    cache.clear()
    expect(cache.size).toBe(0)
  })

  it('refuses a result read before an invalidation, so a revocation cannot be undone by a slow lookup', () => {
    const cache = cacheWith()
    const before = cache.generation
    cache.forgetClient('a') // the revocation commits while the lookup waits for the database
    expect(cache.set('hash-a', client('a'), 0, before)).toBe(false)
    expect(cache.get('hash-a', 1)).toBeUndefined()
    expect(cache.set('hash-a', client('a'), 0, cache.generation)).toBe(true)
  })

  it('refuses a result read before a clear, such as a reconnection of the listener', () => {
    const cache = cacheWith()
    const before = cache.generation
    cache.clear()
    expect(cache.set('hash-a', client('a'), 0, before)).toBe(false)
  })

  it('drops an entry at its maximum age', () => {
    const cache = cacheWith({ maxEntries: 3, maxAgeMs: 1_000 })
    cache.set('hash-a', client('a'), 0, cache.generation)
    expect(cache.get('hash-a', 999)).toEqual(client('a'))
    expect(cache.get('hash-a', 1_000)).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  it('evicts the least recently used entry when full', () => {
    const cache = cacheWith()
    for (const id of ['a', 'b', 'c']) cache.set(`hash-${id}`, client(id), 0, cache.generation)
    cache.get('hash-a', 1) // a is now the most recently used
    cache.set('hash-d', client('d'), 2, cache.generation)
    expect(cache.size).toBe(3)
    expect(cache.get('hash-b', 3)).toBeUndefined()
    expect(['a', 'c', 'd'].map((id) => cache.get(`hash-${id}`, 3)?.id)).toEqual(['a', 'c', 'd'])
  })

  it('keeps both tokens of a client in an overlap, and forgetting the client forgets both', () => {
    const cache = cacheWith()
    cache.set('old-hash', { ...client('a'), tokenStopsAt: '2026-06-01T13:00:00.000Z' }, 0, cache.generation)
    cache.set('new-hash', client('a'), 1, cache.generation)
    expect(cache.get('old-hash', 2)?.tokenStopsAt).toBe('2026-06-01T13:00:00.000Z')
    expect(cache.get('new-hash', 2)?.tokenStopsAt).toBeNull()
    cache.forgetClient('a')
    expect(cache.size).toBe(0)
    expect(cache.get('old-hash', 3)).toBeUndefined()
  })
})
