import type { accreditations, addresses, contacts, providers, ProviderType } from '../schema'
import { firstSeededYear, lastSeededYear } from './academic-years'
import * as names from './names'
import { SeededRandom } from './random'

/** Three characters of A-Z and 0-9 give 36^3 codes, and codes are unique across the whole register. */
export const maximumProviders = 36 ** 3

/** One provider with everything that belongs to it, ready to insert. */
export type SeedProvider = {
  provider: typeof providers.$inferInsert & { id: string; createdAt: Date; updatedAt: Date }
  accreditations: (typeof accreditations.$inferInsert)[]
  addresses: (typeof addresses.$inferInsert)[]
  contacts: (typeof contacts.$inferInsert)[]
  /** The academic years in which the provider is active, by start year, each with the id of its row. */
  activeYears: { id: string; startYear: number }[]
}

/** Throws a message a person can act on when the register cannot have `count` providers. */
export function checkProviderCount(count: number): void {
  if (!Number.isInteger(count) || count < 0) throw new Error(`The number of providers must be a whole number of 0 or more, not ${count}`)
  if (count > maximumProviders) throw new Error('The register can hold at most 46,656 provider codes')
}

const dayMs = 86_400_000
const yearMs = 365.25 * dayMs

/** The code for the index-th provider: a bijection on 0..36^3-1 (29,413 shares no factor with 2^6·3^6), so codes never repeat. */
export function providerCode(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= maximumProviders) throw new Error(`No provider code for index ${index}`)
  return ((index * 29_413 + 7_919) % maximumProviders).toString(36).toUpperCase().padStart(3, '0')
}

/** Distinct UKPRNs in the 1000xxxx–1009xxxx range for the first 100,000 providers (7,919 shares no factor with 10^5). */
const ukprnFor = (index: number) => String(10_000_000 + ((index * 7_919 + 4_321) % 100_000))

const wholeSeconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000)
const between = (random: SeededRandom, from: number, to: number) => wholeSeconds(from + random.next() * (to - from))
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** Academic year N runs from 1 August N, so before August "now" is still in year N-1. */
export function currentAcademicYear(now: Date): number {
  const year = now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1
  return Math.min(Math.max(year, firstSeededYear), lastSeededYear)
}

/** 4-digit accreditation numbers: 1xxx for HEIs, 5xxx for SCITTs and schools, either for other providers. */
function accreditationNumber(random: SeededRandom, type: ProviderType): string {
  const first = type === 'hei' ? '1' : type === 'other' ? random.pick(['1', '5']) : '5'
  return `${first}${String(random.int(0, 999)).padStart(3, '0')}`
}

type Period = { startDate: string; endDate: string | null }

/** Accreditation periods in date order; an accredited provider's latest one is current, an unaccredited provider's has ended. */
function accreditationPeriods(random: SeededRandom, accredited: boolean, nowMs: number): Period[] {
  if (!accredited) {
    if (!random.chance(0.08)) return []
    const start = nowMs - random.int(5, 10) * yearMs - random.int(0, 300) * dayMs
    return [{ startDate: isoDate(start), endDate: isoDate(start + random.int(1, 4) * yearMs) }]
  }
  const count = Number(random.weighted({ 0: 5, 1: 70, 2: 25 }))
  const periods: Period[] = []
  let start = nowMs - random.int(1, 10) * yearMs - random.int(0, 300) * dayMs
  if (count === 2) {
    const first = nowMs - random.int(8, 12) * yearMs
    const firstEnd = first + random.int(2, 5) * yearMs
    periods.push({ startDate: isoDate(first), endDate: isoDate(firstEnd) })
    start = firstEnd + dayMs
  }
  if (count > 0) {
    const endDate = random.chance(0.2) ? isoDate(nowMs + random.int(1, 3) * yearMs) : null
    periods.push({ startDate: isoDate(start), endDate })
  }
  return periods
}

/** The academic years a provider is active in: a run ending this year for most, earlier for some. */
function activeYearRun(random: SeededRandom, current: number): number[] {
  const last = random.chance(0.85) ? current : random.int(firstSeededYear, Math.max(firstSeededYear, current - 1))
  const first = random.int(firstSeededYear, last)
  return Array.from({ length: last - first + 1 }, (_, offset) => first + offset)
}

/** Generates the index-th provider of the register; the same random state, index and clock give the same provider. */
function generateProvider(random: SeededRandom, index: number, now: Date): SeedProvider {
  const nowMs = now.getTime()
  const providerType = random.weighted<ProviderType>({ school: 45, other: 28, scitt: 15, hei: 12 })
  // Real register rules: SCITTs are accredited, schools never are, most HEIs are.
  const accredited = providerType === 'scitt' || (providerType === 'hei' && random.chance(0.85)) || (providerType === 'other' && random.chance(0.15))
  const operatingName = names.operatingName(random, providerType)
  const createdAt = between(random, nowMs - 6 * yearMs, nowMs - 7 * dayMs)
  let updatedAt = random.chance(0.3) ? createdAt : between(random, createdAt.getTime(), nowMs)
  const archivedAt = random.chance(0.03) ? between(random, createdAt.getTime(), nowMs) : null
  const deletedAt = random.chance(0.02) ? between(random, createdAt.getTime(), nowMs) : null
  for (const moment of [archivedAt, deletedAt]) if (moment && moment > updatedAt) updatedAt = moment
  const needsUrn = providerType === 'school' || providerType === 'scitt' || (providerType === 'other' && random.chance(0.2))
  const provider: SeedProvider['provider'] = {
    id: random.uuid(),
    operatingName,
    legalName: random.chance(0.85) ? names.legalName(random, providerType, operatingName) : null,
    providerType,
    accreditationStatus: accredited ? 'accredited' : 'unaccredited',
    ukprn: ukprnFor(index),
    urn: needsUrn ? String(random.int(10_000, 149_999)) : null,
    code: providerCode(index),
    archivedAt,
    deletedAt,
    createdAt,
    updatedAt,
  }
  const childTimes = { providerId: provider.id, createdAt, updatedAt: createdAt }
  const domain = names.emailDomain(random, providerType, operatingName)
  const emails = new Set<string>()
  return {
    provider,
    accreditations: accreditationPeriods(random, accredited, nowMs).map((period) => ({
      id: random.uuid(),
      ...childTimes,
      number: accreditationNumber(random, providerType),
      ...period,
    })),
    addresses: Array.from({ length: Number(random.weighted({ 1: 70, 2: 22, 3: 8 })) }, () => ({
      id: random.uuid(),
      ...childTimes,
      ...names.address(random),
    })),
    contacts: Array.from({ length: random.int(0, 2) }, () => ({ id: random.uuid(), ...childTimes, ...names.contact(random, domain, emails) })),
    activeYears: activeYearRun(random, currentAcademicYear(now)).map((startYear) => ({ id: random.uuid(), startYear })),
  }
}

// Any constant: it only has to be the same on every run so the register is the same on every run.
const registerSeed = 20_261_101

/** The seeded register, provider by provider: the same count and clock always give the same providers, ids included. */
export function* generateRegister(count: number, now: Date): Generator<SeedProvider> {
  checkProviderCount(count)
  const random = new SeededRandom(registerSeed)
  for (let index = 0; index < count; index += 1) yield generateProvider(random, index, now)
}
