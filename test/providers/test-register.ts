// A small hand-made register for the database tests of the provider queries: every case the API must get
// right (archived, deleted, deleted children, ties in updated_at, adjacent academic years) and little else.
import { eq, sql } from 'drizzle-orm'
import type { Database } from '@/db'
import { academicYears, accreditations, addresses, contacts, providerAcademicYears, providers, type NewProvider } from '@/db/schema'

/** Ids chosen so that B sorts before A when their updated_at are equal. */
export const ids = {
  A: '00000000-0000-4000-8000-00000000000a',
  B: '00000000-0000-4000-8000-000000000002',
  C: '00000000-0000-4000-8000-00000000000c',
  D: '00000000-0000-4000-8000-00000000000d',
  E: '00000000-0000-4000-8000-00000000000e',
  archived: '00000000-0000-4000-8000-0000000000f1',
  deleted: '00000000-0000-4000-8000-0000000000f2',
} as const

type Key = keyof typeof ids
type Spec = Omit<NewProvider, 'id' | 'ukprn' | 'code' | 'operatingName' | 'updatedAt'> & {
  years: number[]
  deletedYears?: number[]
  updatedAt: Date | string
}

const specs: Record<Key, Spec> = {
  A: { providerType: 'hei', accreditationStatus: 'accredited', updatedAt: new Date('2026-01-01T00:00:00Z'), years: [2024, 2025] },
  B: {
    providerType: 'scitt',
    accreditationStatus: 'accredited',
    urn: '12345',
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    years: [2025],
    deletedYears: [2026],
  },
  // Microseconds, which PostgreSQL keeps and JavaScript dates cannot.
  C: { providerType: 'school', accreditationStatus: 'unaccredited', urn: '123456', updatedAt: '2026-03-01T12:00:00.000500Z', years: [2026] },
  D: { providerType: 'other', accreditationStatus: 'unaccredited', updatedAt: new Date('2025-06-01T00:00:00Z'), years: [2024] },
  E: { providerType: 'other', accreditationStatus: 'accredited', updatedAt: new Date('2026-05-01T00:00:00Z'), years: [2025, 2026] },
  archived: {
    providerType: 'hei',
    accreditationStatus: 'accredited',
    archivedAt: new Date('2026-02-01T00:00:00Z'),
    updatedAt: new Date('2026-02-01T00:00:00Z'),
    years: [2025],
  },
  deleted: {
    providerType: 'school',
    accreditationStatus: 'unaccredited',
    urn: '654321',
    deletedAt: new Date('2026-02-02T00:00:00Z'),
    updatedAt: new Date('2026-02-02T00:00:00Z'),
    years: [2025],
  },
}

/** Live providers in the order the API serves them: updated_at, then id. */
export const liveOrder = [ids.D, ids.B, ids.A, ids.C, ids.E]

/** Inserts the register, then sets each provider's updated_at (inserting children touched it). */
export async function insertTestRegister(db: Database): Promise<void> {
  const years = await db
    .insert(academicYears)
    .values([2024, 2025, 2026].map((year) => ({ startYear: year, startsOn: `${year}-08-01`, endsOn: `${year + 1}-07-31` })))
    .returning()
  const yearId = (start: number) => years.find((year) => year.startYear === start)?.id ?? ''
  for (const [index, [key, { years: active, deletedYears = [], updatedAt, ...columns }]] of Object.entries(specs).entries()) {
    const id = ids[key as Key]
    await db
      .insert(providers)
      .values({ id, operatingName: `Provider ${key}`, ukprn: `1000000${index}`, code: `P${index}${key.charAt(0).toUpperCase()}`, ...columns })
    await db
      .insert(providerAcademicYears)
      .values([
        ...active.map((year) => ({ providerId: id, academicYearId: yearId(year) })),
        ...deletedYears.map((year) => ({ providerId: id, academicYearId: yearId(year), deletedAt: new Date('2026-01-01T00:00:00Z') })),
      ])
    await db.insert(contacts).values({ providerId: id, firstName: 'Private', lastName: 'Person', email: `private.${index}@example.com` })
    await db
      .update(providers)
      .set({ updatedAt: sql`${typeof updatedAt === 'string' ? updatedAt : updatedAt.toISOString()}::timestamptz` })
      .where(eq(providers.id, id))
  }
}

/** Accreditations and addresses of A, some deleted, inserted out of order; then A's updated_at is put back. */
export async function insertChildrenOfA(db: Database): Promise<void> {
  await db.insert(accreditations).values([
    { providerId: ids.A, number: '1002', startDate: '2023-09-01', endDate: null },
    { providerId: ids.A, number: '1001', startDate: '2020-09-01', endDate: '2023-08-31' },
    { providerId: ids.A, number: '1003', startDate: '2019-09-01', endDate: null, deletedAt: new Date('2025-01-01T00:00:00Z') },
  ])
  await db.insert(addresses).values([
    { providerId: ids.A, addressLine1: '1 First Street', townOrCity: 'Leeds', postcode: 'LS1 1AA', createdAt: new Date('2024-01-01T00:00:00Z') },
    {
      providerId: ids.A,
      addressLine1: '2 Second Street',
      addressLine2: 'Floor 2',
      townOrCity: 'York',
      county: 'North Yorkshire',
      postcode: 'YO1 1AA',
      createdAt: new Date('2024-02-01T00:00:00Z'),
    },
    { providerId: ids.A, addressLine1: 'Gone House', townOrCity: 'Hull', postcode: 'HU1 1AA', deletedAt: new Date('2025-01-01T00:00:00Z') },
  ])
  await db.insert(accreditations).values({ providerId: ids.E, number: '5001', startDate: '2024-09-01', endDate: null })
  await db
    .update(providers)
    .set({ updatedAt: new Date('2026-01-01T00:00:00Z') })
    .where(eq(providers.id, ids.A))
  await db
    .update(providers)
    .set({ updatedAt: new Date('2026-05-01T00:00:00Z') })
    .where(eq(providers.id, ids.E))
}
