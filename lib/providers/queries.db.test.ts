import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/db'
import * as schema from '@/db/schema'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { findProvider, listProviders, type ProviderFilters } from './queries'
import { ids, insertChildrenOfA, insertTestRegister, liveOrder } from '@/test/providers/test-register'

let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
  await insertTestRegister(database.db)
  await insertChildrenOfA(database.db)
})
afterAll(async () => {
  await database?.close()
})

/** The test database through a second Drizzle instance that records every statement it sends. */
async function queryCountingDatabase(): Promise<{ db: Database; queries: string[] }> {
  const queries: string[] = []
  const logger = { logQuery: (query: string) => void queries.push(query) }
  if (database.kind === 'pglite') {
    const { drizzle } = await import('drizzle-orm/pglite')
    return { db: drizzle(database.pglite, { schema, logger }) as unknown as Database, queries }
  }
  const { drizzle } = await import('drizzle-orm/postgres-js')
  return { db: drizzle(database.sql, { schema, logger }) as unknown as Database, queries }
}

const list = (filters: ProviderFilters = {}, page = 1, perPage = 100) => listProviders(database.db, filters, { page, perPage })
const idsOf = async (filters: ProviderFilters, page = 1, perPage = 100) =>
  (await list(filters, page, perPage)).providers.map((provider) => provider.id)

describe('listProviders', () => {
  it('serves live providers only, ordered by updated_at and then id, with the count of them all', async () => {
    const result = await list()
    expect(result.total).toBe(5)
    expect(result.providers.map((provider) => provider.id)).toEqual(liveOrder)
  })

  // readForwardBelow 0 makes every page wait for the count and read the second half backwards, as deep pages of a big register do.
  for (const readForwardBelow of [5_000, 0]) {
    it(`pages through the same order, with a short last page and an empty page after it (readForwardBelow ${readForwardBelow})`, async () => {
      const idsOn = async (page: number, perPage: number) =>
        (await listProviders(database.db, {}, { page, perPage }, { readForwardBelow })).providers.map((provider) => provider.id)
      expect(await Promise.all([1, 2, 3, 4].map((page) => idsOn(page, 2)))).toEqual([[ids.D, ids.B], [ids.A, ids.C], [ids.E], []])
      expect(await idsOn(2, 3)).toEqual([ids.C, ids.E])
      expect(await Promise.all([1, 2, 3, 4, 5, 6].map((page) => idsOn(page, 1)))).toEqual([...liveOrder.map((id) => [id]), []])
      expect((await listProviders(database.db, {}, { page: 9, perPage: 2 }, { readForwardBelow })).total).toBe(5)
    })
  }

  describe('changed_since', () => {
    it('includes a provider updated at exactly that moment, and not one updated before it', async () => {
      expect(await idsOf({ changedSince: new Date('2026-01-01T00:00:00Z') })).toEqual([ids.B, ids.A, ids.C, ids.E])
      expect(await idsOf({ changedSince: new Date('2026-01-01T00:00:00.001Z') })).toEqual([ids.C, ids.E])
    })

    it('finds a provider again from its served updated_at, though PostgreSQL stored microseconds', async () => {
      const served = (await findProvider(database.db, ids.C))?.updatedAt
      expect(served?.toISOString()).toBe('2026-03-01T12:00:00.000Z')
      expect(await idsOf({ changedSince: served })).toEqual([ids.C, ids.E])
    })
  })

  describe('academic_year', () => {
    // Year 2025 runs from 1 August 2025 to 31 July 2026: years 2024 (to 31 July 2025) and 2026 (from 1 August 2026) are not it.
    it('serves providers active in the year that starts on 1 August, not those of the years either side', async () => {
      expect(await idsOf({ academicYear: 2025 })).toEqual([ids.B, ids.A, ids.E])
      expect(await idsOf({ academicYear: 2024 })).toEqual([ids.D, ids.A])
    })

    it('ignores a deleted academic year of a provider', async () => {
      expect(await idsOf({ academicYear: 2026 })).toEqual([ids.C, ids.E])
    })

    it('has nobody in a year the register does not have', async () => {
      expect(await list({ academicYear: 1999 })).toEqual({ providers: [], total: 0 })
    })
  })

  it('filters by provider type and accreditation status, alone and together', async () => {
    expect(await idsOf({ providerType: 'other' })).toEqual([ids.D, ids.E])
    expect(await idsOf({ accreditationStatus: 'accredited' })).toEqual([ids.B, ids.A, ids.E])
    expect(await idsOf({ providerType: 'other', accreditationStatus: 'accredited' })).toEqual([ids.E])
    expect(await idsOf({ providerType: 'hei', accreditationStatus: 'unaccredited' })).toEqual([])
  })

  it('combines every filter', async () => {
    const filters: ProviderFilters = {
      changedSince: new Date('2026-01-01T00:00:00Z'),
      academicYear: 2025,
      providerType: 'scitt',
      accreditationStatus: 'accredited',
    }
    expect(await list(filters)).toMatchObject({ total: 1, providers: [{ id: ids.B }] })
  })

  it('reads the children of a whole page with one query per table, however many providers it has', async () => {
    const { db, queries } = await queryCountingDatabase()
    await listProviders(db, {}, { page: 1, perPage: 100 })
    // The count, the page, then accreditations, addresses and academic years.
    expect(queries).toHaveLength(5)
    expect(queries.filter((query) => /from "(accreditations|addresses|provider_academic_years)"/.test(query))).toHaveLength(3)
  })
})

describe('findProvider', () => {
  it('returns a live provider with its current accreditations (earliest first), addresses (oldest first) and years', async () => {
    expect(await findProvider(database.db, ids.A)).toEqual({
      id: ids.A,
      operatingName: 'Provider A',
      legalName: null,
      providerType: 'hei',
      accreditationStatus: 'accredited',
      ukprn: '10000000',
      urn: null,
      code: 'P0A',
      createdAt: expect.any(Date),
      updatedAt: new Date('2026-01-01T00:00:00Z'),
      accreditations: [
        { number: '1001', startDate: '2020-09-01', endDate: '2023-08-31' },
        { number: '1002', startDate: '2023-09-01', endDate: null },
      ],
      addresses: [
        { addressLine1: '1 First Street', addressLine2: null, addressLine3: null, townOrCity: 'Leeds', county: null, postcode: 'LS1 1AA' },
        {
          addressLine1: '2 Second Street',
          addressLine2: 'Floor 2',
          addressLine3: null,
          townOrCity: 'York',
          county: 'North Yorkshire',
          postcode: 'YO1 1AA',
        },
      ],
      academicYears: [2024, 2025],
    })
  })

  it('keeps each provider’s children to itself', async () => {
    const { providers } = await list({ providerType: 'other' })
    expect(providers.map((provider) => provider.accreditations.map((item) => item.number))).toEqual([[], ['5001']])
    expect(providers.map((provider) => provider.academicYears)).toEqual([[2024], [2025, 2026]])
  })

  it('does not find an archived, deleted or unknown provider', async () => {
    for (const id of [ids.archived, ids.deleted, '00000000-0000-4000-8000-000000000999']) expect(await findProvider(database.db, id)).toBeUndefined()
  })
})
