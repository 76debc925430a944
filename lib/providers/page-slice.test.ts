import { describe, expect, it } from 'vitest'
import { pageSlice } from './page-slice'

describe('pageSlice', () => {
  it('reads the first half of the list forwards', () => {
    expect(pageSlice(1000, 1, 100)).toEqual({ offset: 0, limit: 100, fromEnd: false })
    expect(pageSlice(1000, 5, 100)).toEqual({ offset: 400, limit: 100, fromEnd: false })
  })

  it('reads the second half backwards from the end, so the last page skips nothing', () => {
    expect(pageSlice(1000, 6, 100)).toEqual({ offset: 400, limit: 100, fromEnd: true })
    expect(pageSlice(1000, 10, 100)).toEqual({ offset: 0, limit: 100, fromEnd: true })
  })

  it('asks for only the rows a short last page has', () => {
    expect(pageSlice(1050, 11, 100)).toEqual({ offset: 0, limit: 50, fromEnd: true })
  })

  it('has nothing to read after the last page or in an empty list', () => {
    expect(pageSlice(1000, 11, 100)).toBeNull()
    expect(pageSlice(0, 1, 100)).toBeNull()
  })
})
