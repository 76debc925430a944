import { sql } from 'drizzle-orm'
import type { Database } from '../client'
import { seedAcademicYears } from './academic-years'
import { checkProviderCount } from './providers'
import { seedRegister, type RegisterSummary } from './register'
import { seedDemoUsers } from './users'

export { demoPassword, demoUsers, type DemoUser } from './users'
export { checkProviderCount, maximumProviders } from './providers'

/** About the size of the real register. */
export const defaultProviderCount = 1_500

/** The seed's clock when none is given: fixed, so every run makes the same register. */
export const defaultSeedTime = new Date('2026-11-01T09:00:00Z')

export type SeedOptions = {
  /** How many providers to generate when the register is empty (default 1,500, at most 46,656). */
  providers?: number
  /** The moment the register's dates are relative to. */
  now?: Date
  log?: (line: string) => void
}

export type SeedSummary = {
  /** Demo users in the database after seeding. */
  users: number
  usersInserted: number
  academicYearsInserted: number
  /** Providers inserted by this run: 0 when the register already had providers. */
  providers: number
  /** True when the register already had providers, so none were generated. */
  skippedProviders: boolean
} & Omit<RegisterSummary, 'providers'>

const formatCount = (value: number) => value.toLocaleString('en-GB')

/**
 * Fills a migrated database with the demo users, the academic years and, when it has no providers yet, a
 * deterministic register. Safe to run again: nothing that exists is changed.
 */
export async function seedDatabase(db: Database, options: SeedOptions = {}): Promise<SeedSummary> {
  const count = options.providers ?? defaultProviderCount
  const now = options.now ?? defaultSeedTime
  const log = options.log ?? (() => {})
  checkProviderCount(count)

  const users = await seedDemoUsers(db, now)
  log(`Demo users: ${users.inserted} added, ${users.users} in total`)
  const years = await seedAcademicYears(db, now)
  log(`Academic years: ${years.inserted} added, ${years.ids.size} in total`)

  const register = await seedRegister(db, { count, now, academicYearIds: years.ids, log })
  if (register) {
    log(
      `Providers: ${formatCount(register.providers)} added, with ${formatCount(register.accreditations)} accreditations, ` +
        `${formatCount(register.addresses)} addresses, ${formatCount(register.contacts)} contacts ` +
        `and ${formatCount(register.providerAcademicYears)} academic years`,
    )
  } else {
    log('Providers: the register already has providers, so none were added')
  }
  if (register) {
    // Statistics now, not when autovacuum gets round to it: until then the planner guesses that one
    // provider is live, and the visibility map that lets index-only scans skip the table is empty.
    await db.execute(sql`vacuum (analyze) providers, provider_academic_years, accreditations, addresses, academic_years`)
    log('Register tables vacuumed and analysed')
  }
  return {
    users: users.users,
    usersInserted: users.inserted,
    academicYearsInserted: years.inserted,
    skippedProviders: register === null,
    providers: register?.providers ?? 0,
    accreditations: register?.accreditations ?? 0,
    addresses: register?.addresses ?? 0,
    contacts: register?.contacts ?? 0,
    providerAcademicYears: register?.providerAcademicYears ?? 0,
  }
}
