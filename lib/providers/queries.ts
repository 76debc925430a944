import 'server-only'
import { and, asc, count, desc, eq, exists, gte, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import type { Database } from '@/db'
import { academicYears, accreditations, addresses, providerAcademicYears, providers, type AccreditationStatus, type ProviderType } from '@/db/schema'
import { pageSlice, type PageSlice } from './page-slice'

/** The filters of the provider list, already validated. */
export type ProviderFilters = {
  changedSince?: Date
  academicYear?: number
  providerType?: ProviderType
  accreditationStatus?: AccreditationStatus
}

/** A provider with the rows that belong to it, as plain values: only what the API may serve. */
export type ProviderRecord = {
  id: string
  operatingName: string
  legalName: string | null
  providerType: ProviderType
  accreditationStatus: AccreditationStatus
  ukprn: string
  urn: string | null
  code: string
  createdAt: Date
  updatedAt: Date
  accreditations: { number: string; startDate: string; endDate: string | null }[]
  addresses: {
    addressLine1: string
    addressLine2: string | null
    addressLine3: string | null
    townOrCity: string
    county: string | null
    postcode: string
  }[]
  academicYears: number[]
}

/** The columns served; contacts, archived_at and deleted_at are never selected. */
export const providerColumns = {
  id: providers.id,
  operatingName: providers.operatingName,
  legalName: providers.legalName,
  providerType: providers.providerType,
  accreditationStatus: providers.accreditationStatus,
  ukprn: providers.ukprn,
  urn: providers.urn,
  code: providers.code,
  createdAt: providers.createdAt,
  updatedAt: providers.updatedAt,
}

export type ProviderRow = { [K in keyof typeof providerColumns]: ProviderRecord[K] }

// Written exactly as the partial indexes' predicate, so the planner can use them.
const isLive = and(isNull(providers.archivedAt), isNull(providers.deletedAt))

/** How the academic-year filter is written: see activeIn. */
type YearShape = 'probe' | 'hash'

/**
 * Has a live academic-year row for the year; the year's id is looked up once. Two shapes, chosen by the
 * caller rather than by the planner, whose choice depends on statistics a freshly loaded database lacks:
 * - 'probe' (EXISTS): one index entry per provider read, best when only the first rows are wanted;
 * - 'hash' (`coalesce(id in (…), false)`): PostgreSQL cannot turn an IN inside an expression into a join,
 *   so it always reads the year's providers once into a hash table. Best for counting and deep pages.
 *   A bare IN or EXISTS becomes a semi-join, which without statistics the planner nests as a probe per
 *   provider (several times slower; bench/README.md).
 */
function activeIn(db: Database, academicYear: number, shape: YearShape): SQL {
  const yearId = db.select({ id: academicYears.id }).from(academicYears).where(eq(academicYears.startYear, academicYear))
  const isThisYear = and(sql`${providerAcademicYears.academicYearId} = (${yearId})`, isNull(providerAcademicYears.deletedAt))
  if (shape === 'hash') {
    const providerIds = db.select({ providerId: providerAcademicYears.providerId }).from(providerAcademicYears).where(isThisYear)
    return sql`coalesce(${providers.id} in (${providerIds}), false)`
  }
  return exists(
    db
      .select({ one: sql`1` })
      .from(providerAcademicYears)
      .where(and(eq(providerAcademicYears.providerId, providers.id), isThisYear)),
  )
}

function whereFor(db: Database, filters: ProviderFilters, yearShape: YearShape): SQL | undefined {
  return and(
    isLive,
    filters.changedSince ? gte(providers.updatedAt, filters.changedSince) : undefined,
    filters.providerType ? eq(providers.providerType, filters.providerType) : undefined,
    filters.accreditationStatus ? eq(providers.accreditationStatus, filters.accreditationStatus) : undefined,
    filters.academicYear !== undefined ? activeIn(db, filters.academicYear, yearShape) : undefined,
  )
}

// Map.groupBy needs Node 21; the service supports Node 20.9.
function byProvider<T extends { providerId: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const group = groups.get(row.providerId)
    if (group) group.push(row)
    else groups.set(row.providerId, [row])
  }
  return groups
}

/** The three child-table queries for a page's providers (built, not run). */
export function providerChildQueries(db: Database, ids: string[]) {
  return [
    db
      .select({
        providerId: accreditations.providerId,
        number: accreditations.number,
        startDate: accreditations.startDate,
        endDate: accreditations.endDate,
      })
      .from(accreditations)
      .where(and(inArray(accreditations.providerId, ids), isNull(accreditations.deletedAt)))
      .orderBy(asc(accreditations.startDate), asc(accreditations.number), asc(accreditations.id)),
    db
      .select({
        providerId: addresses.providerId,
        addressLine1: addresses.addressLine1,
        addressLine2: addresses.addressLine2,
        addressLine3: addresses.addressLine3,
        townOrCity: addresses.townOrCity,
        county: addresses.county,
        postcode: addresses.postcode,
      })
      .from(addresses)
      .where(and(inArray(addresses.providerId, ids), isNull(addresses.deletedAt)))
      .orderBy(asc(addresses.createdAt), asc(addresses.id)),
    db
      .select({ providerId: providerAcademicYears.providerId, startYear: academicYears.startYear })
      .from(providerAcademicYears)
      .innerJoin(academicYears, eq(academicYears.id, providerAcademicYears.academicYearId))
      .where(and(inArray(providerAcademicYears.providerId, ids), isNull(providerAcademicYears.deletedAt)))
      .orderBy(asc(academicYears.startYear)),
  ] as const
}

/** Accreditations, addresses and years of these providers: one query per table, never one per provider. */
export async function withChildren(db: Database, rows: ProviderRow[]): Promise<ProviderRecord[]> {
  if (rows.length === 0) return []
  const [accreditationRows, addressRows, yearRows] = await Promise.all(
    providerChildQueries(
      db,
      rows.map((row) => row.id),
    ),
  )
  const [accreditationsOf, addressesOf, yearsOf] = [byProvider(accreditationRows), byProvider(addressRows), byProvider(yearRows)]
  return rows.map((row) => ({
    ...row,
    accreditations: (accreditationsOf.get(row.id) ?? []).map(({ number, startDate, endDate }) => ({ number, startDate, endDate })),
    addresses: (addressesOf.get(row.id) ?? []).map(({ providerId: _, ...address }) => address),
    academicYears: (yearsOf.get(row.id) ?? []).map((year) => year.startYear),
  }))
}

// A slice that starts this near its end reads at most about this many providers; beyond it, building the
// year's hash table once costs less than probing the index for each provider skipped.
const probeBelowOffset = 2_000

/** The query counting the live providers that match the filters (built, not run: bench/explain.ts shows its plan). */
export function providerCountQuery(db: Database, filters: ProviderFilters) {
  return db.select({ total: count() }).from(providers).where(whereFor(db, filters, 'hash'))
}

/**
 * The query for one slice of the ordered list (built, not run). The slice is found by ids alone, which the
 * indexes hold, so the rows skipped by OFFSET are never read from the table; only the page's rows are.
 */
export function providerPageQuery(db: Database, filters: ProviderFilters, slice: PageSlice) {
  const direction = slice.fromEnd ? desc : asc
  const sliceIds = db
    .select({ id: providers.id })
    .from(providers)
    .where(whereFor(db, filters, slice.offset < probeBelowOffset ? 'probe' : 'hash'))
    .orderBy(direction(providers.updatedAt), direction(providers.id))
    .offset(slice.offset)
    .limit(slice.limit)
  return db.select(providerColumns).from(providers).where(inArray(providers.id, sliceIds)).orderBy(asc(providers.updatedAt), asc(providers.id))
}

// Skipping this many index entries costs well under a millisecond, so pages that start this near the beginning
// are read forwards at the same time as the count rather than after it (most clients ask for the first pages).
const defaultReadForwardBelow = 5_000

/**
 * One page of live providers matching the filters, ordered by updated_at then id, and how many match in all.
 * Near the start, the count runs alongside the page and its children; further in, the count comes first to
 * choose which end to read from (or `knownTotal`, a count already known exact, is used). The queries are not one snapshot: a change between them can shift a row
 * between pages, as any change between two page requests can.
 */
export async function listProviders(
  db: Database,
  filters: ProviderFilters,
  { page, perPage }: { page: number; perPage: number },
  { readForwardBelow = defaultReadForwardBelow, knownTotal }: { readForwardBelow?: number; knownTotal?: number | undefined } = {},
): Promise<{ providers: ProviderRecord[]; total: number }> {
  // A count kept since the register last changed (lib/providers/served.ts) is exact: no need to count again.
  const countTotal = async () => knownTotal ?? (await providerCountQuery(db, filters))[0]?.total ?? 0
  const offset = (page - 1) * perPage
  if (offset < readForwardBelow) {
    const slice = { offset, limit: perPage, fromEnd: false }
    const [total, records] = await Promise.all([countTotal(), providerPageQuery(db, filters, slice).then((rows) => withChildren(db, rows))])
    return { providers: records, total }
  }
  const total = await countTotal()
  const slice = pageSlice(total, page, perPage)
  if (!slice) return { providers: [], total }
  return { providers: await withChildren(db, await providerPageQuery(db, filters, slice)), total }
}

/** A live provider by id, or undefined when there is none (unknown, archived or deleted). */
export async function findProvider(db: Database, id: string): Promise<ProviderRecord | undefined> {
  const rows = await db
    .select(providerColumns)
    .from(providers)
    .where(and(eq(providers.id, id), isLive))
  const [record] = await withChildren(db, rows)
  return record
}
