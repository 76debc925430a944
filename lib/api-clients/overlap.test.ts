import { describe, expect, it } from 'vitest'
import { clientEnd, isOverlapChoice, overlapEnd, overlapReachesExpiry, ukMidnight } from './overlap'

describe('overlaps', () => {
  it('finds 00:00 UK time in summer and in winter', () => {
    expect(ukMidnight('2027-04-01').toISOString()).toBe('2027-03-31T23:00:00.000Z')
    expect(ukMidnight('2027-01-15').toISOString()).toBe('2027-01-15T00:00:00.000Z')
    // The clocks go forward at 01:00 GMT on 28 March 2027, so that day starts in GMT.
    expect(ukMidnight('2027-03-28').toISOString()).toBe('2027-03-28T00:00:00.000Z')
    expect(ukMidnight('2027-03-29').toISOString()).toBe('2027-03-28T23:00:00.000Z')
  })

  it('ends a client at midnight UK time after its expiry date', () => {
    expect(clientEnd('2027-03-31').toISOString()).toBe('2027-03-31T23:00:00.000Z')
    expect(clientEnd('2026-12-31').toISOString()).toBe('2027-01-01T00:00:00.000Z')
  })

  it('stops the old token after the chosen time, but never after the client ends', () => {
    const now = new Date('2026-12-01T12:00:00Z')
    expect(overlapEnd('immediately', now, '2027-03-31')).toEqual(now)
    expect(overlapEnd('1-hour', now, '2027-03-31').toISOString()).toBe('2026-12-01T13:00:00.000Z')
    expect(overlapEnd('24-hours', now, '2027-03-31').toISOString()).toBe('2026-12-02T12:00:00.000Z')
    expect(overlapEnd('7-days', now, '2027-03-31').toISOString()).toBe('2026-12-08T12:00:00.000Z')
    expect(overlapEnd('7-days', now, '2026-12-03').toISOString()).toBe('2026-12-04T00:00:00.000Z')
    expect(overlapReachesExpiry('7-days', now, '2026-12-03')).toBe(true)
    expect(overlapReachesExpiry('24-hours', now, '2026-12-03')).toBe(false)
  })

  it('accepts only the four choices', () => {
    expect(['immediately', '1-hour', '24-hours', '7-days'].every(isOverlapChoice)).toBe(true)
    expect(['', '2-hours', 'Immediately', undefined].some(isOverlapChoice)).toBe(false)
  })
})
