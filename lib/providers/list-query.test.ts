import { describe, expect, it } from 'vitest'
import { linkFiltersOf, parseProviderListQuery } from './list-query'

const parse = (query: string) => parseProviderListQuery(new URLSearchParams(query))

/** The refused parameters of a query that must fail. */
function refused(query: string) {
  const result = parse(query)
  if (result.ok) throw new Error(`expected ${query} to be refused`)
  return result.invalidParams
}

describe('parseProviderListQuery', () => {
  it('gives page 1 of 100 with no filters when nothing is asked', () => {
    expect(parse('')).toEqual({ ok: true, query: { page: 1, per_page: 100 }, given: {} })
  })

  it('reads every filter and the paging', () => {
    const result = parse('changed_since=2026-09-14&academic_year=2025&provider_type=scitt&accreditation_status=accredited&page=3&per_page=500')
    expect(result).toMatchObject({
      ok: true,
      query: {
        changed_since: new Date('2026-09-14T00:00:00Z'),
        academic_year: 2025,
        provider_type: 'scitt',
        accreditation_status: 'accredited',
        page: 3,
        per_page: 500,
      },
    })
  })

  it.each([
    ['2026-09-14T11:34:56Z', '2026-09-14T11:34:56.000Z'],
    ['2026-09-14T12:34:56+01:00', '2026-09-14T11:34:56.000Z'],
    ['2026-09-14T11:34:56.123Z', '2026-09-14T11:34:56.123Z'],
    ['2028-02-29', '2028-02-29T00:00:00.000Z'],
    ['0001-01-01', '0001-01-01T00:00:00.000Z'],
  ])('reads changed_since=%s as %s', (value, instant) => {
    const result = parse(`changed_since=${encodeURIComponent(value)}`)
    expect(result.ok && result.query.changed_since?.toISOString()).toBe(instant)
  })

  it.each([
    ['2026-09-14T11:34:56', 'no time zone'],
    ['2026-09-14T12:34:56 01:00', 'a + that was not encoded'],
    ['2026-02-29', 'a day that does not exist'],
    ['14/09/2026', 'a UK-style date'],
    ['yesterday', 'words'],
    ['', 'nothing'],
    // PostgreSQL has no year 0 (1 BC): these once reached the database and gave 500.
    ['0000-01-01', 'year 0'],
    ['0000-12-31T23:59:59Z', 'a moment in year 0'],
    ['0001-01-01T00:30:00+01:00', 'a moment that is in year 0 in UTC'],
  ])('refuses changed_since=%s (%s), naming it', (value) => {
    expect(refused(`changed_since=${encodeURIComponent(value)}`)).toEqual([
      { name: 'changed_since', reason: expect.stringMatching(/^must be an ISO 8601 date/) },
    ])
  })

  it.each(['0', '501', '-1', '1.5', '1e2', ' 5', 'ten', ''])('refuses per_page=%s with the allowed range', (value) => {
    expect(refused(`per_page=${encodeURIComponent(value)}`)).toEqual([{ name: 'per_page', reason: 'must be a whole number from 1 to 500' }])
  })

  it('takes per_page from 1 to 500', () => {
    expect(parse('per_page=1')).toMatchObject({ ok: true, query: { per_page: 1 } })
    expect(parse('per_page=500')).toMatchObject({ ok: true, query: { per_page: 500 } })
  })

  it.each(['0', '1000001', 'last', '99999999999999999999'])('refuses page=%s', (value) => {
    expect(refused(`page=${value}`)).toEqual([{ name: 'page', reason: 'must be a whole number from 1 to 1,000,000' }])
  })

  it.each(['26', '20266', '0999', 'twenty'])('refuses academic_year=%s', (value) => {
    expect(refused(`academic_year=${value}`)).toEqual([{ name: 'academic_year', reason: 'must be a year of 4 digits, like 2026' }])
  })

  it('refuses values outside the enums, which are case-sensitive', () => {
    expect(refused('provider_type=HEI&accreditation_status=yes')).toEqual([
      { name: 'provider_type', reason: 'must be one of hei, scitt, school, other' },
      { name: 'accreditation_status', reason: 'must be one of accredited, unaccredited' },
    ])
  })

  it('refuses unknown parameters by name, so a misspelt filter is never silently ignored', () => {
    expect(refused('page=2&updated_since=2026-01-01&Page=3')).toEqual([
      { name: 'updated_since', reason: 'is not a parameter of this endpoint' },
      { name: 'Page', reason: 'is not a parameter of this endpoint' },
    ])
  })

  it('refuses a parameter given twice, even with the same value', () => {
    expect(refused('page=2&page=2')).toEqual([{ name: 'page', reason: 'must be given only once' }])
  })
})

describe('linkFiltersOf', () => {
  it('keeps the filters as given, in a fixed order, without the paging', () => {
    const given = { page: '2', provider_type: 'hei', per_page: '5', changed_since: '2026-09-14T12:00:00+01:00' }
    expect(Object.entries(linkFiltersOf(given))).toEqual([
      ['changed_since', '2026-09-14T12:00:00+01:00'],
      ['provider_type', 'hei'],
    ])
  })
})

describe('control characters in a query', () => {
  it('refuses any parameter whose value or name holds one, before its own rule', () => {
    expect(refused('provider_type=scitt%00')).toEqual([{ name: 'provider_type', reason: 'must not include control characters' }])
    expect(refused('page=1%0A')).toEqual([{ name: 'page', reason: 'must not include control characters' }])
    expect(refused('changed_since=2026-01-01%7F')).toEqual([{ name: 'changed_since', reason: 'must not include control characters' }])
    expect(refused('x%C2%85=1')).toEqual([{ name: 'x\u0085', reason: 'must not include control characters' }])
  })
})
