import { describe, expect, it } from 'vitest'
import { bearerToken } from './bearer'

describe('bearerToken', () => {
  it('reads the token whatever the case of the scheme', () => {
    expect(bearerToken('Bearer abc')).toBe('abc')
    expect(bearerToken('bearer abc')).toBe('abc')
    expect(bearerToken('BEARER  abc ')).toBe('abc')
  })

  it.each([null, '', 'Bearer', 'Bearer ', 'Basic abc', 'Token abc', 'abc', 'Bearer a b'])('finds no token in %j', (header) => {
    expect(bearerToken(header)).toBeUndefined()
  })
})
