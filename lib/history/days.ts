import { addDays, formatDate, ukDate } from '@/lib/dates'

/** Items grouped by UK day, newest first, headed `Today`, `Yesterday` or `20 May 2025`. */
export function groupByDay<Item extends { at: Date }>(items: Item[], now: Date): { heading: string; items: Item[] }[] {
  const today = ukDate(now)
  const yesterday = addDays(today, -1)
  const groups: { day: string; heading: string; items: Item[] }[] = []
  for (const item of items) {
    const day = ukDate(item.at)
    let group = groups.at(-1)
    if (!group || group.day !== day) {
      group = { day, heading: day === today ? 'Today' : day === yesterday ? 'Yesterday' : formatDate(day), items: [] }
      groups.push(group)
    }
    group.items.push(item)
  }
  return groups.map(({ heading, items: grouped }) => ({ heading, items: grouped }))
}
