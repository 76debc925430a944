import { describe, expect, it } from 'vitest'
import { escapeLike, listHref, parseClientSearch, searchBoxValue, searchResultsHeading } from './search'

describe('parseClientSearch', () => {
  it('is no search when the box is empty or blank', () => {
    expect(parseClientSearch(undefined)).toEqual({ ok: true, search: undefined })
    expect(parseClientSearch('   ')).toEqual({ ok: true, search: undefined })
  })

  it('trims text and takes the first of repeated values', () => {
    expect(parseClientSearch(['  Acme ', 'other'])).toEqual({ ok: true, search: { kind: 'text', text: 'Acme' } })
  })

  it('reads the start of a token as its hint, and no more of it', () => {
    const whole = `rotp_live_Ab12${'x'.repeat(45)}`
    expect(parseClientSearch(whole)).toEqual({ ok: true, search: { kind: 'token', hint: 'Ab12', shown: 'rotp_live_Ab12' } })
    expect(parseClientSearch('rotp_test_Zz90')).toEqual({ ok: true, search: { kind: 'token', hint: 'Zz90', shown: 'rotp_test_Zz90' } })
  })

  it('reads a short or odd token start as text', () => {
    expect(parseClientSearch('rotp_live_Ab1')).toMatchObject({ search: { kind: 'text' } })
    expect(parseClientSearch('rotp_prod_Ab12')).toMatchObject({ search: { kind: 'text' } })
    expect(parseClientSearch('rotp_live_Ab12-x')).toMatchObject({ search: { kind: 'text' } })
  })

  it('refuses control characters and text over 300 characters', () => {
    expect(parseClientSearch('Acme\u0000')).toEqual({ ok: false, message: 'Search must only include letters, numbers, spaces and symbols' })
    expect(parseClientSearch('a'.repeat(301))).toEqual({ ok: false, message: 'Search must be 300 characters or fewer' })
    expect(parseClientSearch('a'.repeat(300))).toMatchObject({ ok: true })
  })
})

describe('escapeLike', () => {
  it('escapes %, _ and the escape character itself', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b')
  })
})

describe('the words and links around a search', () => {
  const text = { kind: 'text', text: 'acme & co' } as const
  it('says how many match', () => {
    expect(searchResultsHeading(0, text)).toBe('No API clients match “acme & co”')
    expect(searchResultsHeading(1, text)).toBe('1 API client matches “acme & co”')
    expect(searchResultsHeading(3, { kind: 'token', hint: 'Ab12', shown: 'rotp_live_Ab12' })).toBe('3 API clients match “rotp_live_Ab12”')
  })

  it('keeps the search in page links', () => {
    expect(listHref(text, 2)).toBe('/api-clients?q=acme+%26+co&page=2')
    expect(listHref(undefined, 3)).toBe('/api-clients?page=3')
  })

  it('shows refused text again without its control characters', () => {
    expect(searchBoxValue('Ac\u0007me', undefined)).toBe('Acme')
    expect(searchBoxValue(`rotp_live_Ab12${'x'.repeat(45)}`, { kind: 'token', hint: 'Ab12', shown: 'rotp_live_Ab12' })).toBe('rotp_live_Ab12')
  })
})
