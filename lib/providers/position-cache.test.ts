import { describe, expect, it } from 'vitest'
import { PositionCache } from './position-cache'

describe('PositionCache', () => {
  it('keeps values for the position they were computed at only', () => {
    const cache = new PositionCache<string>(100)
    cache.set('1:1', 'a', 'one')
    expect(cache.get('1:1', 'a')).toBe('one')
    expect(cache.get('1:2', 'a')).toBeUndefined()
  })

  it('drops everything when a value for a new position arrives', () => {
    const cache = new PositionCache<string>(100)
    cache.set('1:1', 'a', 'one')
    cache.set('1:2', 'b', 'two')
    expect(cache.size).toBe(1)
    expect(cache.get('1:1', 'a')).toBeUndefined()
  })

  it('drops the oldest values beyond its capacity, and never keeps one larger than it', () => {
    const cache = new PositionCache<string>(5, (value) => value.length)
    cache.set('p', 'a', 'aa')
    cache.set('p', 'b', 'bb')
    cache.set('p', 'c', 'cc')
    expect(cache.get('p', 'a')).toBeUndefined()
    expect(cache.get('p', 'c')).toBe('cc')
    cache.set('p', 'd', 'dddddd')
    expect(cache.get('p', 'd')).toBeUndefined()
  })
})
