import { inArray } from 'drizzle-orm'
import type { Database } from '../client'
import { academicYears } from '../schema'

// The real register removed years before 2019; 2027 lets providers be made active for next year.
export const firstSeededYear = 2019
export const lastSeededYear = 2027

const seededYears = Array.from({ length: lastSeededYear - firstSeededYear + 1 }, (_, offset) => firstSeededYear + offset)

/**
 * Inserts the academic years 2019 to 2027 that are missing (year N runs from 1 August N to 31 July N+1)
 * and returns the id of each, by start year.
 */
export async function seedAcademicYears(db: Database, now: Date): Promise<{ ids: Map<number, string>; inserted: number }> {
  const inserted = await db
    .insert(academicYears)
    .values(seededYears.map((year) => ({ startYear: year, startsOn: `${year}-08-01`, endsOn: `${year + 1}-07-31`, createdAt: now, updatedAt: now })))
    .onConflictDoNothing()
    .returning({ id: academicYears.id })
  const rows = await db
    .select({ id: academicYears.id, startYear: academicYears.startYear })
    .from(academicYears)
    .where(inArray(academicYears.startYear, seededYears))
  return { ids: new Map(rows.map((row) => [row.startYear, row.id])), inserted: inserted.length }
}
