import { describe, expect, it } from 'vitest'
import { drizzleCopiesInText, drizzleCopyCount } from './bundle-copies'

// Shortened from real Turbopack output: a chunk that bundles drizzle's entity module, and chunks that import it.
const bundledChunk = (id: number) => `module.exports=[${id},e=>{"use strict";let t=Symbol.for("drizzle:entityKind");Symbol.for("drizzle:hasOwnEntityKind")}]`

describe('drizzleCopiesInText', () => {
  it('finds each bundled copy by its module id', () => {
    expect(drizzleCopiesInText(bundledChunk(39774) + bundledChunk(44988)).bundled).toEqual(['39774', '44988'])
  })

  it('counts a definition in a shape it does not know', () => {
    expect(drizzleCopiesInText('var k=Symbol.for("drizzle:entityKind")').bundled).toEqual(['unrecognised'])
  })

  it('tells an ESM load from a CommonJS one', () => {
    const text = 'e.y("drizzle-orm-4d62399e06797e94");e.y("drizzle-orm-4d62399e06797e94/pg-core");e.x("drizzle-orm",()=>require("drizzle-orm"))'
    expect(drizzleCopiesInText(text).external).toEqual(['import drizzle-orm-4d62399e06797e94', 'import drizzle-orm-4d62399e06797e94', 'require drizzle-orm'])
  })
})

describe('drizzleCopyCount', () => {
  it('is one for a single external load', () => {
    expect(drizzleCopyCount({ bundled: [], external: ['import drizzle-orm-4d62399e06797e94'] })).toBe(1)
  })

  it('is two when a layer bundles its own copy', () => {
    expect(drizzleCopyCount({ bundled: ['39774'], external: ['import drizzle-orm-4d62399e06797e94'] })).toBe(2)
  })
})
