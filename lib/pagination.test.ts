import { describe, expect, it } from 'vitest'
import { pageNumbersToShow, parsePageNumber, shownRange, totalPages } from './pagination'

describe('pagination', () => {
  it('shows the first, last and neighbouring pages with gaps', () => {
    expect(pageNumbersToShow(1, 1)).toEqual([1])
    expect(pageNumbersToShow(1, 3)).toEqual([1, 2, 3])
    expect(pageNumbersToShow(5, 20)).toEqual([1, null, 4, 5, 6, null, 20])
    expect(pageNumbersToShow(20, 20)).toEqual([1, null, 19, 20])
    expect(pageNumbersToShow(3, 5)).toEqual([1, 2, 3, 4, 5])
  })

  it('counts pages and the range shown', () => {
    expect(totalPages({ perPage: 15, total: 0 })).toBe(1)
    expect(totalPages({ perPage: 15, total: 16 })).toBe(2)
    expect(shownRange({ page: 2, perPage: 15, total: 16 })).toEqual({ from: 16, to: 16, total: 16 })
    expect(shownRange({ page: 1, perPage: 15, total: 0 })).toEqual({ from: 0, to: 0, total: 0 })
  })

  it('reads only sensible page numbers', () => {
    expect(parsePageNumber('3')).toBe(3)
    expect(parsePageNumber(['2', '5'])).toBe(2)
    for (const bad of [undefined, '', '0', '-1', '1.5', 'abc', '99999999999']) expect(parsePageNumber(bad)).toBe(1)
  })
})
