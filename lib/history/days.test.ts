import { describe, expect, it } from 'vitest'
import { groupByDay } from './days'

describe('groupByDay', () => {
  it('heads groups Today, Yesterday and then the date, by UK day', () => {
    const now = new Date('2026-06-10T12:00:00Z')
    const items = [
      { at: new Date('2026-06-10T09:00:00Z') },
      // 23:30 UTC on 9 June is 00:30 on 10 June in London.
      { at: new Date('2026-06-09T23:30:00Z') },
      { at: new Date('2026-06-09T08:00:00Z') },
      { at: new Date('2025-05-20T08:00:00Z') },
    ]
    expect(groupByDay(items, now).map((group) => [group.heading, group.items.length])).toEqual([
      ['Today', 2],
      ['Yesterday', 1],
      ['20 May 2025', 1],
    ])
  })
})
