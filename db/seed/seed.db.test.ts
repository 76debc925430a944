import { asc, eq, inArray, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPassword } from '@/lib/passwords'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import type { Database } from '../client'
import { academicYears, accreditations, addresses, contacts, providerAcademicYears, providers, users } from '../schema'
import { defaultSeedTime, demoPassword, demoUsers, maximumProviders, seedDatabase, type SeedSummary } from './index'
import { seedAcademicYears } from './academic-years'
import { generateRegister } from './providers'
import { seedRegister } from './register'

const providerCount = 200
let database: TestDatabase
let first: SeedSummary
const logLines: string[] = []

beforeAll(async () => {
  database = await createTestDatabase()
  first = await seedDatabase(database.db, { providers: providerCount, log: (line) => logLines.push(line) })
})
afterAll(async () => {
  await database?.close()
})

/** Everything the seed writes about providers, in a stable order (academic years by start year, as their ids are random). */
async function registerSnapshot(db: Database) {
  return {
    providers: await db.select().from(providers).orderBy(asc(providers.code)),
    accreditations: await db.select().from(accreditations).orderBy(asc(accreditations.id)),
    addresses: await db.select().from(addresses).orderBy(asc(addresses.id)),
    contacts: await db.select().from(contacts).orderBy(asc(contacts.id)),
    years: await db
      .select({ id: providerAcademicYears.id, providerId: providerAcademicYears.providerId, startYear: academicYears.startYear })
      .from(providerAcademicYears)
      .innerJoin(academicYears, eq(academicYears.id, providerAcademicYears.academicYearId))
      .orderBy(asc(providerAcademicYears.id)),
  }
}

async function tableCounts(db: Database) {
  const tables = { users, academicYears, providers, accreditations, addresses, contacts, providerAcademicYears }
  return Object.fromEntries(await Promise.all(Object.entries(tables).map(async ([name, table]) => [name, await db.$count(table)] as const)))
}

describe('seedDatabase', () => {
  it('leaves the register analysed, so that the planner knows how many rows there are before autovacuum runs', async () => {
    const rows = await database.db.execute<{ relname: string; reltuples: number }>(
      sql`select relname, reltuples from pg_class where relname in ('providers', 'provider_academic_years') order by relname`,
    )
    const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: { relname: string; reltuples: number }[] }).rows
    // reltuples is -1 for a table never vacuumed or analysed.
    expect(list.map((row) => [row.relname, Number(row.reltuples)])).toEqual([
      ['provider_academic_years', first.providerAcademicYears],
      ['providers', providerCount],
    ])
  })

  it('adds the demo users with their roles and the shared demo password', async () => {
    expect(first).toMatchObject({ users: demoUsers.length, usersInserted: demoUsers.length, academicYearsInserted: 9 })
    const rows = await database.db
      .select()
      .from(users)
      .where(
        inArray(
          users.email,
          demoUsers.map((user) => user.email),
        ),
      )
    expect(rows).toHaveLength(demoUsers.length)
    for (const demo of demoUsers) {
      const row = rows.find((user) => user.email === demo.email)
      expect(row).toMatchObject({ firstName: demo.firstName, lastName: demo.lastName, apiUser: demo.apiUser, active: demo.active })
      expect(await verifyPassword(demoPassword, row?.passwordHash ?? '')).toBe(true)
    }
    expect(demoUsers.filter((user) => user.apiUser && user.active)).toHaveLength(2)
    expect(demoUsers.filter((user) => !user.active).map((user) => user.email)).toEqual(['rhys.evans@education.gov.uk'])
  })

  it('adds the academic years 2019 to 2027', async () => {
    const years = await database.db.select().from(academicYears).orderBy(asc(academicYears.startYear))
    expect(years.map((year) => year.startYear)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027])
    expect(years[0]).toMatchObject({ startsOn: '2019-08-01', endsOn: '2020-07-31' })
  })

  it('makes a register of every provider type and status that follows the register rules', async () => {
    const { providers: rows, accreditations: periods } = await registerSnapshot(database.db)
    expect(rows).toHaveLength(providerCount)
    expect(first).toMatchObject({ providers: providerCount, skippedProviders: false })
    expect(new Set(rows.map((row) => row.providerType))).toEqual(new Set(['hei', 'scitt', 'school', 'other']))
    expect(new Set(rows.map((row) => row.accreditationStatus))).toEqual(new Set(['accredited', 'unaccredited']))
    expect(rows.filter((row) => row.providerType === 'school' && row.accreditationStatus === 'accredited')).toEqual([])
    expect(rows.filter((row) => row.providerType === 'scitt' && row.accreditationStatus !== 'accredited')).toEqual([])
    expect(rows.filter((row) => (row.providerType === 'school' || row.providerType === 'scitt') && !row.urn)).toEqual([])
    expect(new Set(rows.map((row) => row.code.toUpperCase())).size).toBe(providerCount)
    expect(rows.every((row) => /^1[0-9]{7}$/.test(row.ukprn))).toBe(true)
    expect(rows.some((row) => row.legalName === null)).toBe(true)
    expect(rows.filter((row) => row.archivedAt).length).toBeGreaterThan(0)
    expect(rows.filter((row) => row.deletedAt).length).toBeGreaterThan(0)
    const typeOf = new Map(rows.map((row) => [row.id, row.providerType]))
    for (const period of periods) {
      const type = typeOf.get(period.providerId)
      expect(period.number.startsWith(type === 'hei' ? '1' : type === 'other' ? period.number.charAt(0) : '5'), `${type} ${period.number}`).toBe(true)
      if (period.endDate) expect(period.endDate >= period.startDate).toBe(true)
      expect(period.startDate <= defaultSeedTime.toISOString().slice(0, 10)).toBe(true)
    }
  })

  it('keeps the generated updated_at values despite the triggers that touch providers', async () => {
    const rows = await database.db.select({ code: providers.code, createdAt: providers.createdAt, updatedAt: providers.updatedAt }).from(providers)
    const stored = new Map(rows.map((row) => [row.code, row.updatedAt.toISOString()]))
    for (const { provider } of generateRegister(providerCount, defaultSeedTime)) {
      expect(stored.get(provider.code)).toBe(provider.updatedAt.toISOString())
    }
    expect(rows.every((row) => row.updatedAt >= row.createdAt && row.updatedAt <= defaultSeedTime)).toBe(true)
    expect(new Set(stored.values()).size).toBeGreaterThan(providerCount * 0.9)
  })

  it('makes the same register, ids included, every time, even when the touch triggers cannot be paused', { timeout: 120_000 }, async () => {
    const other = await createTestDatabase()
    try {
      const { ids } = await seedAcademicYears(other.db, defaultSeedTime)
      await seedRegister(other.db, { count: providerCount, now: defaultSeedTime, academicYearIds: ids, log: () => {}, keepTouchTriggers: true })
      expect(await registerSnapshot(other.db)).toEqual(await registerSnapshot(database.db))
    } finally {
      await other.close()
    }
  })

  it('changes nothing when run again', async () => {
    const before = await tableCounts(database.db)
    const again = await seedDatabase(database.db, { providers: providerCount })
    expect(again).toMatchObject({ users: demoUsers.length, usersInserted: 0, academicYearsInserted: 0, providers: 0, skippedProviders: true })
    expect(await tableCounts(database.db)).toEqual(before)
  })

  it('logs one line per step', () => {
    expect(logLines).toEqual([
      'Demo users: 5 added, 5 in total',
      'Academic years: 9 added, 9 in total',
      expect.stringMatching(/^Providers: 200 added, with \d+ accreditations, \d+ addresses, \d+ contacts and \d+ academic years$/),
      'Register tables vacuumed and analysed',
    ])
  })

  it('refuses more providers than there are codes, before writing anything', async () => {
    await expect(seedDatabase(database.db, { providers: maximumProviders + 1 })).rejects.toThrow(
      'The register can hold at most 46,656 provider codes',
    )
    await expect(seedDatabase(database.db, { providers: 1.5 })).rejects.toThrow('whole number')
  })
})
