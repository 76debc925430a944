import { describe, expect, it } from 'vitest'
import { expiryDateExample, expiryDateHint, parseExpiryDate } from './expiry-date'

const today = '2026-11-22'
const rangeMessage = 'Expiry date must be between 23 November 2026 and 22 November 2027'
const all = ['day', 'month', 'year']

function parse(day: string, month: string, year: string, on = today) {
  return parseExpiryDate({ day, month, year }, on)
}

describe('parseExpiryDate', () => {
  describe('a valid date', () => {
    it('returns the date as YYYY-MM-DD', () => {
      expect(parse('27', '3', '2027')).toEqual({ ok: true, date: '2027-03-27' })
    })

    it('accepts leading zeros', () => {
      expect(parse('07', '03', '2027')).toEqual({ ok: true, date: '2027-03-07' })
    })

    it('ignores surrounding spaces, tabs and newlines', () => {
      expect(parse('  27 ', '\t3 ', ' 2027\n')).toEqual({ ok: true, date: '2027-03-27' })
    })

    it.each([
      ['jan', '2027-01-17'],
      ['January', '2027-01-17'],
      ['FEB', '2027-02-17'],
      ['may', '2027-05-17'],
      ['jun', '2027-06-17'],
      ['June', '2027-06-17'],
      ['Jul', '2027-07-17'],
      ['sept', '2027-09-17'],
      ['Sep', '2027-09-17'],
      ['SEPTEMBER', '2027-09-17'],
      ['oct', '2027-10-17'],
      [' Nov ', '2027-11-17'],
      ['dec', '2026-12-17'],
    ])('accepts the month name %j', (month, date) => {
      expect(parse('17', month, date.slice(0, 4))).toEqual({ ok: true, date })
    })

    it('accepts 29 February in a leap year', () => {
      expect(parse('29', '2', '2028', '2027-06-01')).toEqual({ ok: true, date: '2028-02-29' })
    })
  })

  describe('nothing entered', () => {
    it.each([
      ['', '', ''],
      ['  ', '\t', ' '],
    ])('asks for the date and marks all three fields (%j, %j, %j)', (day, month, year) => {
      expect(parse(day, month, year)).toEqual({ ok: false, message: 'Enter expiry date', fields: all })
    })
  })

  describe('missing parts', () => {
    it.each([
      ['', '3', '2027', 'Expiry date must include a day', ['day']],
      ['27', '', '2027', 'Expiry date must include a month', ['month']],
      ['27', '3', '', 'Expiry date must include a year', ['year']],
      ['', '', '2027', 'Expiry date must include a day and month', ['day', 'month']],
      ['', '3', '', 'Expiry date must include a day and year', ['day', 'year']],
      ['27', '', '', 'Expiry date must include a month and year', ['month', 'year']],
    ])('day %j, month %j, year %j: %s', (day, month, year, message, fields) => {
      expect(parse(day, month, year)).toEqual({ ok: false, message, fields })
    })

    it('treats a part of only spaces as missing', () => {
      expect(parse('27', '   ', '2027')).toEqual({ ok: false, message: 'Expiry date must include a month', fields: ['month'] })
    })

    it('reports missing parts before anything wrong in the others', () => {
      expect(parse('', '13', '27')).toEqual({ ok: false, message: 'Expiry date must include a day', fields: ['day'] })
    })
  })

  describe('year not 4 digits', () => {
    it.each(['27', '20277', '202', '2O27', '20 27', '+2027', '2027.0', 'next'])('rejects the year %j and marks only the year', (year) => {
      expect(parse('27', '3', year)).toEqual({ ok: false, message: 'Year must include 4 numbers', fields: ['year'] })
    })

    it('comes before a wrong day or month', () => {
      expect(parse('32', '13', '27')).toEqual({ ok: false, message: 'Year must include 4 numbers', fields: ['year'] })
    })
  })

  describe('not a real date', () => {
    const notReal = 'Expiry date must be a real date'

    it.each([
      ['31', '2', '2027'],
      ['30', '2', '2028'],
      ['29', '2', '2027'],
      ['31', '4', '2027'],
      ['31', 'sept', '2027'],
      ['32', '1', '2027'],
      ['0', '3', '2027'],
      ['00', '3', '2027'],
      ['x', '3', '2027'],
      ['1.5', '3', '2027'],
      ['+3', '3', '2027'],
      ['-1', '3', '2027'],
      ['1e1', '3', '2027'],
      ['2 7', '3', '2027'],
    ])('marks only the day for %j %j %j', (day, month, year) => {
      expect(parse(day, month, year)).toEqual({ ok: false, message: notReal, fields: ['day'] })
    })

    it.each(['13', '0', 'foo', 'ja', 'janu', 'sep.', 'constructor', '1.5', '+3', '0x3'])('marks only the month for %j', (month) => {
      expect(parse('27', month, '2027')).toEqual({ ok: false, message: notReal, fields: ['month'] })
    })

    it('marks only the month when a day up to 31 could be right', () => {
      expect(parse('31', '13', '2027')).toEqual({ ok: false, message: notReal, fields: ['month'] })
    })

    it.each([
      ['32', '13', '2027'],
      ['0', 'foo', '2027'],
      ['x', 'y', '2027'],
    ])('marks all three when both day and month are wrong (%j %j %j)', (day, month, year) => {
      expect(parse(day, month, year)).toEqual({ ok: false, message: notReal, fields: all })
    })

    it('comes before the range check', () => {
      expect(parse('31', '2', '2030')).toEqual({ ok: false, message: notReal, fields: ['day'] })
    })
  })

  describe('the next 12 months', () => {
    it('refuses today', () => {
      expect(parse('22', '11', '2026')).toEqual({ ok: false, message: rangeMessage, fields: all })
    })

    it('refuses a date in the past', () => {
      expect(parse('1', '1', '2020')).toEqual({ ok: false, message: rangeMessage, fields: all })
    })

    it('accepts tomorrow', () => {
      expect(parse('23', '11', '2026')).toEqual({ ok: true, date: '2026-11-23' })
    })

    it('accepts today plus 12 months', () => {
      expect(parse('22', '11', '2027')).toEqual({ ok: true, date: '2027-11-22' })
    })

    it('refuses today plus 12 months and a day', () => {
      expect(parse('23', '11', '2027')).toEqual({ ok: false, message: rangeMessage, fields: all })
    })

    it('refuses a real date in a far year such as 0000', () => {
      expect(parse('29', '2', '0000')).toEqual({ ok: false, message: rangeMessage, fields: all })
    })

    it('ends on 28 February when today is a leap day', () => {
      const message = 'Expiry date must be between 1 March 2028 and 28 February 2029'
      expect(parse('28', '2', '2029', '2028-02-29')).toEqual({ ok: true, date: '2029-02-28' })
      expect(parse('1', '3', '2029', '2028-02-29')).toEqual({ ok: false, message, fields: all })
    })

    it('crosses the end of the year', () => {
      const message = 'Expiry date must be between 1 January 2027 and 31 December 2027'
      expect(parse('1', '1', '2027', '2026-12-31')).toEqual({ ok: true, date: '2027-01-01' })
      expect(parse('31', '12', '2026', '2026-12-31')).toEqual({ ok: false, message, fields: all })
    })
  })
})

describe('expiryDateExample', () => {
  it.each([
    ['2026-11-22', '27 3 2027'],
    ['2026-01-31', '27 5 2026'],
    ['2026-06-01', '27 1 2027'],
    ['2026-07-15', '27 1 2027'],
    ['2026-08-30', '27 1 2027'],
    ['2026-09-01', '27 1 2027'],
    ['2026-05-31', '27 9 2026'],
  ])('on %s is %s', (on, example) => {
    expect(expiryDateExample(on)).toBe(example)
  })

  it('is a valid answer on every day of a leap year', () => {
    for (let offset = 0; offset < 366; offset += 1) {
      const on = new Date(Date.UTC(2028, 0, 1 + offset)).toISOString().slice(0, 10)
      const [day = '', month = '', year = ''] = expiryDateExample(on).split(' ')
      expect(parse(day, month, year, on), on).toMatchObject({ ok: true })
    }
  })
})

describe('expiryDateHint', () => {
  it('gives the rule and an example', () => {
    expect(expiryDateHint('2026-11-22')).toBe('Must be within the next 12 months. For example, 27 3 2027')
  })
})
