import { describe, expect, it } from 'vitest'
import { firstKeptDay, newCountLedger, noteOutcome, pruneDue, returnCounts, takeDueCounts, ukDayAt, usageGapMs } from './counts'
import { usageOf } from './outcome'

const at = (iso: string) => Date.parse(iso)

describe('the UK day a request counts on', () => {
  it('changes at midnight in summer time (23:00 UTC)', () => {
    expect(ukDayAt(at('2026-06-30T22:59:59.999Z'))).toBe('2026-06-30')
    expect(ukDayAt(at('2026-06-30T23:00:00Z'))).toBe('2026-07-01')
  })

  it('changes at midnight in winter (00:00 UTC)', () => {
    expect(ukDayAt(at('2026-12-31T23:59:59.999Z'))).toBe('2026-12-31')
    expect(ukDayAt(at('2027-01-01T00:00:00Z'))).toBe('2027-01-01')
  })

  it('is right on the days the clocks change', () => {
    // 29 March 2026: 01:00 GMT becomes 02:00 BST; 25 October 2026: 02:00 BST becomes 01:00 GMT.
    expect(ukDayAt(at('2026-03-28T23:59:59Z'))).toBe('2026-03-28')
    expect(ukDayAt(at('2026-03-29T00:00:00Z'))).toBe('2026-03-29')
    expect(ukDayAt(at('2026-03-29T22:59:59Z'))).toBe('2026-03-29')
    expect(ukDayAt(at('2026-03-29T23:00:00Z'))).toBe('2026-03-30')
    expect(ukDayAt(at('2026-10-25T22:59:59Z'))).toBe('2026-10-25')
    expect(ukDayAt(at('2026-10-25T23:00:00Z'))).toBe('2026-10-25')
    expect(ukDayAt(at('2026-10-26T00:00:00Z'))).toBe('2026-10-26')
  })
})

describe('the ledger of usage counts', () => {
  it('adds outcomes by client and UK day', () => {
    const ledger = newCountLedger()
    for (let index = 0; index < 3; index += 1) noteOutcome(ledger, 'a', 'succeeded', at('2026-06-30T12:00:00Z'))
    noteOutcome(ledger, 'a', 'rate-limited', at('2026-06-30T22:59:59Z'))
    noteOutcome(ledger, 'a', 'refused', at('2026-06-30T23:00:00Z'))
    noteOutcome(ledger, 'b', 'refused', at('2026-06-30T12:00:00Z'))
    expect(takeDueCounts(ledger, 0)).toEqual([
      { clientId: 'a', day: '2026-06-30', counts: { succeeded: 3, rateLimited: 1, refused: 0 } },
      { clientId: 'a', day: '2026-07-01', counts: { succeeded: 0, rateLimited: 0, refused: 1 } },
      { clientId: 'b', day: '2026-06-30', counts: { succeeded: 0, rateLimited: 0, refused: 1 } },
    ])
    expect(takeDueCounts(ledger, usageGapMs * 2)).toEqual([])
  })

  it('writes at most once per gap, and everything at shutdown', () => {
    const ledger = newCountLedger()
    noteOutcome(ledger, 'a', 'succeeded', 0)
    expect(takeDueCounts(ledger, 1_000)).toHaveLength(1)
    noteOutcome(ledger, 'a', 'succeeded', 2_000)
    expect(takeDueCounts(ledger, 1_000 + usageGapMs - 1)).toEqual([])
    expect(takeDueCounts(ledger, 1_000 + usageGapMs)).toHaveLength(1)
    noteOutcome(ledger, 'a', 'refused', 1_000 + usageGapMs)
    expect(takeDueCounts(ledger, 1_001 + usageGapMs, true)).toEqual([{ clientId: 'a', day: '1970-01-01', counts: { succeeded: 0, rateLimited: 0, refused: 1 } }])
  })

  it('adds counts back after a failed write to those noted since, and retries at once', () => {
    const ledger = newCountLedger()
    noteOutcome(ledger, 'a', 'succeeded', 0)
    const failed = takeDueCounts(ledger, 0)
    noteOutcome(ledger, 'a', 'succeeded', 10)
    noteOutcome(ledger, 'b', 'rate-limited', 10)
    returnCounts(ledger, failed)
    expect(takeDueCounts(ledger, 20)).toEqual([
      { clientId: 'a', day: '1970-01-01', counts: { succeeded: 2, rateLimited: 0, refused: 0 } },
      { clientId: 'b', day: '1970-01-01', counts: { succeeded: 0, rateLimited: 1, refused: 0 } },
    ])
  })

  it('prunes once a UK day', () => {
    const ledger = newCountLedger()
    expect(pruneDue(ledger, '2026-12-01')).toBe(true)
    expect(pruneDue(ledger, '2026-12-01')).toBe(false)
    expect(pruneDue(ledger, '2026-12-02')).toBe(true)
  })

  it('keeps 13 months', () => {
    expect(firstKeptDay('2026-12-01')).toBe('2025-11-01')
    expect(firstKeptDay('2027-03-31')).toBe('2026-02-28')
  })
})

describe('which client a request counts against', () => {
  it('counts a request let in as succeeded, a 429 as rate limited and a known client’s refused token as refused', () => {
    expect(usageOf({ outcome: 'admitted', client: { id: 'a' } })).toEqual({ clientId: 'a', outcome: 'succeeded' })
    expect(usageOf({ outcome: 'rate-limited', clientId: 'a' })).toEqual({ clientId: 'a', outcome: 'rate-limited' })
    expect(usageOf({ outcome: 'refused', clientId: 'a' })).toEqual({ clientId: 'a', outcome: 'refused' })
  })

  it('counts nothing for a request no client can be named for', () => {
    expect(usageOf({ outcome: 'refused' })).toBeUndefined()
    expect(usageOf({ outcome: 'rate-limited' })).toBeUndefined()
  })
})
