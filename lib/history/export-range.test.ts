import { describe, expect, it } from 'vitest'
import {
  exportDateExample,
  exportFileName,
  exportRangeForm,
  hasExportRangeValues,
  parseExportRange,
  readExportRangeValues,
  type ExportRangeValues,
} from './export-range'

const now = new Date('2026-12-01T12:00:00Z')

function values(from: [string, string, string], to: [string, string, string]): ExportRangeValues {
  return { 'from-day': from[0], 'from-month': from[1], 'from-year': from[2], 'to-day': to[0], 'to-month': to[1], 'to-year': to[2] }
}

describe('parseExportRange', () => {
  it('takes whole UK days: a winter From starts at midnight UTC, a summer To ends at 23:00 UTC', () => {
    const result = parseExportRange(values(['1', '1', '2026'], ['15', 'jul', '2026']), now)
    expect(result).toEqual({
      ok: true,
      from: '2026-01-01',
      to: '2026-07-15',
      start: new Date('2026-01-01T00:00:00Z'),
      end: new Date('2026-07-15T23:00:00Z'),
    })
  })

  it('starts a summer day at 23:00 UTC the day before and ends a winter day at midnight UTC', () => {
    const result = parseExportRange(values(['01', '06', '2026'], ['30', '11', '2026']), now)
    expect(result).toMatchObject({ ok: true, start: new Date('2026-05-31T23:00:00Z'), end: new Date('2026-12-01T00:00:00Z') })
  })

  it('allows one day, today', () => {
    expect(parseExportRange(values(['1', '12', '2026'], ['1', '12', '2026']), now)).toMatchObject({ ok: true, from: '2026-12-01', to: '2026-12-01' })
  })

  it('says what is missing, for each date', () => {
    const result = parseExportRange(values(['', '', ''], ['1', '', '2026']), now)
    expect(result).toMatchObject({
      ok: false,
      errors: {
        from: { message: 'Enter the from date', fields: ['day', 'month', 'year'] },
        to: { message: 'To date must include a month', fields: ['month'] },
      },
    })
  })

  it('refuses dates that cannot exist and short years', () => {
    const result = parseExportRange(values(['30', '2', '2026'], ['1', '1', '26']), now)
    expect(result).toMatchObject({
      ok: false,
      errors: {
        from: { message: 'From date must be a real date', fields: ['day'] },
        to: { message: 'Year must include 4 numbers', fields: ['year'] },
      },
    })
  })

  it('refuses dates after today, UK time', () => {
    const result = parseExportRange(values(['2', '12', '2026'], ['2', '12', '2026']), now)
    expect(result).toMatchObject({
      ok: false,
      errors: { from: { message: 'From date must be today or in the past' }, to: { message: 'To date must be today or in the past' } },
    })
  })

  it('refuses a To date before the From date', () => {
    const result = parseExportRange(values(['10', '11', '2026'], ['9', '11', '2026']), now)
    expect(result).toEqual({
      ok: false,
      values: values(['10', '11', '2026'], ['9', '11', '2026']),
      errors: { to: { message: 'To date must be the same as or after 10 November 2026', fields: ['day', 'month', 'year'] } },
    })
  })
})

describe('readExportRangeValues', () => {
  it('reads the six inputs, bounding their length and dropping control characters', () => {
    const search = new URLSearchParams({ 'from-day': '1', 'from-month': 'x'.repeat(500), 'to-day': '3\u0000', 'to-year': '2026' })
    expect(readExportRangeValues(search)).toEqual({
      'from-day': '1',
      'from-month': 'x'.repeat(20),
      'from-year': '',
      'to-day': '',
      'to-month': '',
      'to-year': '2026',
    })
    expect(hasExportRangeValues(search)).toBe(true)
    expect(hasExportRangeValues(new URLSearchParams({ page: '2' }))).toBe(false)
  })
})

describe('exportFileName', () => {
  it('names the file after the range', () => {
    expect(exportFileName({ from: '2026-01-01', to: '2026-12-01' })).toBe('activity-2026-01-01-to-2026-12-01.csv')
  })
})

describe('exportRangeForm', () => {
  it('is blank with no dates sent', () => {
    expect(exportRangeForm(new URLSearchParams({ page: '2' }), now)).toMatchObject({ errors: {}, summary: [] })
  })

  it('links each summary line to the first wrong part of its date', () => {
    const search = new URLSearchParams({ 'from-day': '1', 'from-month': '', 'from-year': '', 'to-day': '40', 'to-month': '1', 'to-year': '2026' })
    expect(exportRangeForm(search, now).summary).toEqual([
      { href: '#from-month', text: 'From date must include a month and year' },
      { href: '#to-day', text: 'To date must be a real date' },
    ])
  })

  it('shows a good range as typed, without errors', () => {
    const search = new URLSearchParams({ 'from-day': '1', 'from-month': '1', 'from-year': '2026', 'to-day': '2', 'to-month': '1', 'to-year': '2026' })
    expect(exportRangeForm(search, now)).toMatchObject({ values: { 'to-day': '2' }, summary: [] })
  })
})

describe('exportDateExample', () => {
  it('is 27 March of this year once it has passed, of last year before', () => {
    expect(exportDateExample(now)).toBe('27 3 2026')
    expect(exportDateExample(new Date('2026-03-26T12:00:00Z'))).toBe('27 3 2025')
  })
})
