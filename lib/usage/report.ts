import { and, between, eq } from 'drizzle-orm'
import type { Database } from '@/db/client'
import { apiClientUsage } from '@/db/schema'
import { addDays } from '@/lib/dates'
import type { UsageCounts } from './counts'

export type UsageDay = UsageCounts & { day: string; total: number }

/** A client's last 30 UK days, oldest first, today last, with days without requests as zeros; and totals. */
export type UsageReport = { days: UsageDay[]; last7: UsageCounts & { total: number }; last30: UsageCounts & { total: number } }

export const reportDays = 30

const sum = (days: UsageDay[]) => {
  const counts = { succeeded: 0, rateLimited: 0, refused: 0, total: 0 }
  for (const day of days) {
    counts.succeeded += day.succeeded
    counts.rateLimited += day.rateLimited
    counts.refused += day.refused
    counts.total += day.total
  }
  return counts
}

/** The Usage section's figures for one client, up to and including the UK day `today` (one indexed range read). */
export async function usageReport(db: Database, clientId: string, today: string): Promise<UsageReport> {
  const first = addDays(today, 1 - reportDays)
  const rows = await db
    .select()
    .from(apiClientUsage)
    .where(and(eq(apiClientUsage.clientId, clientId), between(apiClientUsage.day, first, today)))
  const byDay = new Map(rows.map((row) => [row.day, row]))
  const days = Array.from({ length: reportDays }, (_, index): UsageDay => {
    const day = addDays(first, index)
    const row = byDay.get(day)
    const counts = { succeeded: Number(row?.succeeded ?? 0), rateLimited: Number(row?.rateLimited ?? 0), refused: Number(row?.refused ?? 0) }
    return { day, ...counts, total: counts.succeeded + counts.rateLimited + counts.refused }
  })
  return { days, last7: sum(days.slice(-7)), last30: sum(days) }
}
