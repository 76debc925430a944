import { describe, expect, it } from 'vitest'
import { minimumGapMs, newUseLedger, noteUse, returnUses, takeDueUses } from './last-used'

describe('the ledger of client uses', () => {
  it('keeps only the latest use of each client', () => {
    const ledger = newUseLedger()
    noteUse(ledger, 'a', 2_000)
    noteUse(ledger, 'a', 1_000)
    noteUse(ledger, 'b', 1_500)
    expect(takeDueUses(ledger, 3_000)).toEqual([
      ['a', 2_000],
      ['b', 1_500],
    ])
    expect(takeDueUses(ledger, 3_000)).toEqual([])
  })

  it('writes a busy client at most once per gap, and then its latest use', () => {
    const ledger = newUseLedger()
    noteUse(ledger, 'a', 0)
    expect(takeDueUses(ledger, 0)).toEqual([['a', 0]])
    noteUse(ledger, 'a', 10_000)
    expect(takeDueUses(ledger, 15_000)).toEqual([])
    noteUse(ledger, 'a', 40_000)
    expect(takeDueUses(ledger, minimumGapMs - 1)).toEqual([])
    expect(takeDueUses(ledger, minimumGapMs)).toEqual([['a', 40_000]])
  })

  it('writes everything at shutdown, gap or not', () => {
    const ledger = newUseLedger()
    noteUse(ledger, 'a', 0)
    takeDueUses(ledger, 0)
    noteUse(ledger, 'a', 1_000)
    expect(takeDueUses(ledger, 1_000, true)).toEqual([['a', 1_000]])
  })

  it('tries uses again at the next flush after a failed write', () => {
    const ledger = newUseLedger()
    noteUse(ledger, 'a', 5_000)
    const taken = takeDueUses(ledger, 5_000)
    noteUse(ledger, 'a', 4_000) // an older use noted while the write was failing
    returnUses(ledger, taken)
    expect(takeDueUses(ledger, 6_000)).toEqual([['a', 5_000]])
  })

  it('forgets write times once they no longer hold a client back', () => {
    const ledger = newUseLedger()
    noteUse(ledger, 'a', 0)
    takeDueUses(ledger, 0)
    takeDueUses(ledger, minimumGapMs)
    expect(ledger.writtenAt.size).toBe(0)
  })
})
