import { describe, expect, it } from 'vitest'
import { LiveTokenSet, type LiveToken } from './live-token-set'

const token = (hash: string): LiveToken => ({ hash, clientId: `client-${hash}`, expiresOn: '2027-03-31', revoked: false })
const expiryOf = (entry: { expiresOn: string } | undefined) => entry?.expiresOn

/** A loader over a table the test edits, counting its calls and how many run at once. */
function table(initial: LiveToken[] = []) {
  const state = { rows: initial, calls: 0, running: 0, mostAtOnce: 0 }
  const load = async () => {
    state.calls += 1
    state.running += 1
    state.mostAtOnce = Math.max(state.mostAtOnce, state.running)
    const snapshot = [...state.rows]
    await new Promise((resolve) => setTimeout(resolve, 5))
    state.running -= 1
    return snapshot
  }
  return { state, load }
}

describe('LiveTokenSet', () => {
  it('makes every miss that arrives together share one load, and finds a token added just before', async () => {
    const { state, load } = table()
    const set = new LiveTokenSet(load, 50)
    state.rows = [token('new')]
    const answers = await Promise.all(Array.from({ length: 200 }, (_, index) => set.freshEntryOf(index === 0 ? 'new' : `unknown-${index}`).then(expiryOf)))
    expect(answers[0]).toBe('2027-03-31')
    expect(answers.slice(1).every((answer) => answer === undefined)).toBe(true)
    expect(state.calls).toBe(1)
    expect(set.entryOf('new')).toEqual({ clientId: 'client-new', expiresOn: '2027-03-31', revoked: false })
  })

  it('loads at most once per interval and one at a time under a continuous flood, each miss seeing a load that started after it', async () => {
    const { state, load } = table()
    const set = new LiveTokenSet(load, 40)
    const started = performance.now()
    let loadsWhenAdded = 0
    let loadsWhenFound = 0
    const flood = async () => {
      while (performance.now() - started < 600) await set.freshEntryOf('made-up')
    }
    const newcomer = async () => {
      await new Promise((resolve) => setTimeout(resolve, 250))
      state.rows = [token('created')]
      loadsWhenAdded = set.loads
      expect(expiryOf(await set.freshEntryOf('created'))).toBe('2027-03-31')
      loadsWhenFound = set.loads
    }
    await Promise.all([...Array.from({ length: 50 }, flood), newcomer()])
    const elapsed = performance.now() - started
    expect(state.mostAtOnce).toBe(1)
    expect(state.calls).toBeGreaterThan(3)
    expect(state.calls).toBeLessThanOrEqual(Math.ceil(elapsed / 40) + 1)
    // Found by the next load to start (the one running when it was added may have read the table before).
    expect(loadsWhenFound - loadsWhenAdded).toBeGreaterThanOrEqual(1)
    expect(loadsWhenFound - loadsWhenAdded).toBeLessThanOrEqual(2)
  })

  it('forgets a dropped hash until a load has it again, and passes a failed load to every waiter', async () => {
    const rows = [token('kept')]
    let fail = false
    const set = new LiveTokenSet(async () => {
      if (fail) throw new Error('database down')
      return rows
    }, 0)
    expect(expiryOf(await set.freshEntryOf('kept'))).toBe('2027-03-31')
    set.drop('kept')
    expect(set.entryOf('kept')).toBeUndefined()
    fail = true
    const waiters = Array.from({ length: 3 }, () => set.freshEntryOf('kept'))
    for (const waiter of waiters) await expect(waiter).rejects.toThrow('database down')
    fail = false
    expect(expiryOf(await set.freshEntryOf('kept'))).toBe('2027-03-31')
    expect(set.loads).toBe(3)
  })
})
