import { describe, expect, it } from 'vitest'
import { UnknownTokens } from './unknown-tokens'

describe('UnknownTokens', () => {
  it('knows a hash only at the generation it was found unknown at', () => {
    const unknown = new UnknownTokens()
    unknown.add('h1', 3)
    expect(unknown.has('h1', 3)).toBe(true)
    expect(unknown.has('h1', 4)).toBe(false)
    expect(unknown.has('h2', 3)).toBe(false)
  })

  it('keeps at most 10,000 hashes, forgetting the oldest', () => {
    const unknown = new UnknownTokens()
    for (let index = 0; index <= 10_000; index += 1) unknown.add(`h${index}`, 1)
    expect(unknown.size).toBe(10_000)
    expect(unknown.has('h0', 1)).toBe(false)
    expect(unknown.has('h10000', 1)).toBe(true)
  })
})
