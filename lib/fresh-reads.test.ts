import { describe, expect, it } from 'vitest'
import { freshReads } from './fresh-reads'

/** A read whose answers the test releases one at a time; each answers with the value `current` held when it began. */
function controlledRead() {
  const state = { current: 0, started: 0, release: [] as Array<() => void> }
  const read = () => {
    state.started += 1
    const seen = state.current
    return new Promise<number>((resolve) => state.release.push(() => resolve(seen)))
  }
  const releaseNext = async () => {
    state.release.shift()?.()
    // Lets the shared promise chains run (the next read starts in a later microtask).
    for (let turn = 0; turn < 5; turn += 1) await Promise.resolve()
  }
  return { state, read, releaseNext }
}

describe('freshReads', () => {
  it('starts a read for a caller when none is running', async () => {
    const { state, read, releaseNext } = controlledRead()
    const shared = freshReads(read)
    const answer = shared()
    expect(state.started).toBe(1)
    await releaseNext()
    await expect(answer).resolves.toBe(0)
  })

  it('never answers a caller with a read that began before it asked', async () => {
    const { state, read, releaseNext } = controlledRead()
    const shared = freshReads(read)
    const first = shared()
    // A change that finishes after the first read began and before the second caller asks.
    state.current = 1
    const second = shared()
    await releaseNext()
    await expect(first).resolves.toBe(0)
    expect(state.started).toBe(2)
    await releaseNext()
    await expect(second).resolves.toBe(1)
  })

  it('shares one read among every caller that arrives while another runs', async () => {
    const { state, read, releaseNext } = controlledRead()
    const shared = freshReads(read)
    const first = shared()
    const waiting = Array.from({ length: 20 }, () => shared())
    await releaseNext()
    await releaseNext()
    await expect(first).resolves.toBe(0)
    expect(await Promise.all(waiting)).toEqual(Array(20).fill(0))
    expect(state.started).toBe(2)
  })

  it('starts again after a read fails, and fails only the callers that shared it', async () => {
    let calls = 0
    const shared = freshReads(async () => {
      calls += 1
      if (calls === 1) throw new Error('connection lost')
      return calls
    })
    await expect(shared()).rejects.toThrow('connection lost')
    await expect(shared()).resolves.toBe(2)
  })

  it('lets a caller that arrives while a failing read runs wait for the next read', async () => {
    const { state, read, releaseNext } = controlledRead()
    let fail = true
    const shared = freshReads(() => (fail ? Promise.reject(new Error('down')) : read()))
    const first = shared()
    fail = false
    const second = shared()
    await expect(first).rejects.toThrow('down')
    for (let turn = 0; turn < 5; turn += 1) await Promise.resolve()
    expect(state.started).toBe(1)
    await releaseNext()
    await expect(second).resolves.toBe(0)
  })
})
