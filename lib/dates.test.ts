import { describe, expect, it } from 'vitest'
import { addDays, addMonths, formatDate, formatDateTime, formatShortDate, formatTime, ukDate } from './dates'

describe('UK dates', () => {
  it('finds the UK calendar date across midnight in summer time', () => {
    // 23:30 UTC on 31 March 2027 is 00:30 on 1 April in London (BST).
    expect(ukDate(new Date('2027-03-31T22:59:59Z'))).toBe('2027-03-31')
    expect(ukDate(new Date('2027-03-31T23:00:00Z'))).toBe('2027-04-01')
    // In winter London is on UTC.
    expect(ukDate(new Date('2027-01-31T23:59:59Z'))).toBe('2027-01-31')
    expect(ukDate(new Date('2027-02-01T00:00:00Z'))).toBe('2027-02-01')
  })

  it('gives the right date for every instant of an hour it remembers, and for the hours either side', () => {
    // The clocks change at 01:00 UTC: the hour before is the last on GMT, the hour after on BST.
    for (const instant of ['2027-03-28T00:00:00Z', '2027-03-28T00:59:59.999Z', '2027-03-28T01:00:00Z', '2027-03-27T23:59:59.999Z']) {
      expect(ukDate(new Date(instant))).toBe(instant.startsWith('2027-03-27') ? '2027-03-27' : '2027-03-28')
    }
    expect(ukDate(new Date('2027-10-30T23:00:00Z'))).toBe('2027-10-31')
    expect(ukDate(new Date('2027-10-30T23:59:59.999Z'))).toBe('2027-10-31')
    expect(ukDate(new Date('2027-10-30T22:59:59.999Z'))).toBe('2027-10-30')
    expect(() => ukDate(new Date('not a date'))).toThrow(RangeError)
  })

  it('writes dates and times the GOV.UK way', () => {
    expect(formatDate('2027-01-02')).toBe('2 January 2027')
    expect(formatShortDate('2027-01-02')).toBe('2 Jan 2027')
    expect(formatShortDate('2026-09-30')).toBe('30 Sep 2026')
    expect(formatTime(new Date('2025-05-21T13:22:00Z'))).toBe('2:22pm')
    expect(formatTime(new Date('2025-05-21T11:00:00Z'))).toBe('midday')
    expect(formatTime(new Date('2025-05-20T23:00:00Z'))).toBe('midnight')
    expect(formatTime(new Date('2025-01-10T00:05:00Z'))).toBe('12:05am')
    expect(formatTime(new Date('2025-01-10T09:07:00Z'))).toBe('9:07am')
    expect(formatDateTime(new Date('2025-05-21T13:22:00Z'))).toBe('21 May 2025 at 2:22pm')
  })

  it('adds days and months on the calendar', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addMonths('2026-11-22', 12)).toBe('2027-11-22')
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28')
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28')
  })
})
