import { describe, expect, it } from 'vitest'
import { checkProviderCount, currentAcademicYear, generateRegister, maximumProviders, providerCode } from './providers'

const now = new Date('2026-11-01T09:00:00Z')

describe('providerCode', () => {
  it('gives every index up to the limit its own 3-character code', () => {
    const codes = Array.from({ length: maximumProviders }, (_, index) => providerCode(index))
    expect(new Set(codes).size).toBe(maximumProviders)
    expect(codes.every((code) => /^[A-Z0-9]{3}$/.test(code))).toBe(true)
  })

  it('has no code beyond the limit', () => {
    expect(() => providerCode(maximumProviders)).toThrow()
    expect(() => checkProviderCount(maximumProviders + 1)).toThrow('The register can hold at most 46,656 provider codes')
    expect(() => checkProviderCount(-1)).toThrow('whole number')
  })
})

describe('currentAcademicYear', () => {
  it('starts a new year on 1 August', () => {
    expect(currentAcademicYear(new Date('2026-07-31T12:00:00Z'))).toBe(2025)
    expect(currentAcademicYear(new Date('2026-08-01T12:00:00Z'))).toBe(2026)
  })
})

describe('generateRegister', () => {
  const register = [...generateRegister(2_000, now)]

  it('gives the same providers for the same count and clock, and the same first providers for a larger count', () => {
    expect([...generateRegister(2_000, now)]).toEqual(register)
    expect([...generateRegister(500, now)]).toEqual(register.slice(0, 500))
  })

  it('dates everything in the past, in order', () => {
    const today = now.toISOString().slice(0, 10)
    for (const { provider, accreditations, activeYears } of register) {
      expect(provider.createdAt <= provider.updatedAt && provider.updatedAt <= now).toBe(true)
      for (const moment of [provider.archivedAt, provider.deletedAt]) if (moment) expect(moment <= provider.updatedAt).toBe(true)
      for (const { startDate, endDate } of accreditations) {
        expect(startDate <= today).toBe(true)
        if (endDate) expect(endDate >= startDate).toBe(true)
      }
      const years = activeYears.map((year) => year.startYear)
      expect(years).toEqual(Array.from({ length: years.length }, (_, offset) => (years[0] ?? 0) + offset))
      expect(years.length).toBeGreaterThan(0)
    }
  })

  it('gives accredited providers a current accreditation unless they have none at all', () => {
    const today = now.toISOString().slice(0, 10)
    for (const { provider, accreditations } of register) {
      const current = accreditations.some(
        ({ startDate, endDate }) => startDate <= today && (endDate === null || endDate === undefined || endDate >= today),
      )
      if (provider.accreditationStatus === 'unaccredited') expect(current).toBe(false)
      else if (accreditations.length > 0) expect(current).toBe(true)
    }
  })

  it('archives about 3% of providers and deletes about 2%', () => {
    const share = (count: number) => count / register.length
    expect(share(register.filter(({ provider }) => provider.archivedAt).length)).toBeCloseTo(0.03, 1)
    expect(share(register.filter(({ provider }) => provider.deletedAt).length)).toBeCloseTo(0.02, 1)
  })
})
