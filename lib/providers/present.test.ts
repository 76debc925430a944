import { describe, expect, it } from 'vitest'
import { providerListResponse, providerResponse } from './present'
import type { ProviderRecord } from './queries'

const record: ProviderRecord = {
  id: '6f1c1b4e-5a3d-4f7e-9c2b-1d8e0a7b3c55',
  operatingName: 'Example SCITT',
  legalName: null,
  providerType: 'scitt',
  accreditationStatus: 'accredited',
  ukprn: '10012345',
  urn: '123456',
  code: '1AB',
  createdAt: new Date('2025-01-02T03:04:05.678Z'),
  updatedAt: new Date('2026-09-15T11:34:56Z'),
  accreditations: [{ number: '5123', startDate: '2024-09-01', endDate: null }],
  addresses: [{ addressLine1: '1 Example Street', addressLine2: null, addressLine3: null, townOrCity: 'Leeds', county: null, postcode: 'LS1 4AP' }],
  academicYears: [2025, 2026],
}

const list = (page: number, total: number, filters: Record<string, string> = {}) =>
  providerListResponse([], { path: '/api/v1/providers', filters, page, perPage: 10, total })

describe('providerResponse', () => {
  it('serves exactly the API fields, in snake_case, with UTC times', () => {
    expect(providerResponse(record)).toEqual({
      data: {
        id: record.id,
        operating_name: 'Example SCITT',
        legal_name: null,
        provider_type: 'scitt',
        accreditation_status: 'accredited',
        ukprn: '10012345',
        urn: '123456',
        code: '1AB',
        accreditations: [{ number: '5123', start_date: '2024-09-01', end_date: null }],
        addresses: [
          {
            address_line_1: '1 Example Street',
            address_line_2: null,
            address_line_3: null,
            town_or_city: 'Leeds',
            county: null,
            postcode: 'LS1 4AP',
          },
        ],
        academic_years: [2025, 2026],
        created_at: '2025-01-02T03:04:05.678Z',
        updated_at: '2026-09-15T11:34:56.000Z',
      },
    })
  })

  it('drops anything the schema does not list, so a column added to a query cannot leak', () => {
    const leaky = { ...record, deletedAt: null, contacts: [{ email: 'someone@example.com' }] } as ProviderRecord
    expect(JSON.stringify(providerResponse(leaky))).not.toMatch(/deleted|contacts|someone/)
  })

  it('refuses to serve a value the API promises never to send', () => {
    expect(() => providerResponse({ ...record, ukprn: '123' })).toThrow()
  })
})

describe('providerListResponse', () => {
  it('links to the first, next and last pages, keeping the filters, with no previous page on page 1', () => {
    expect(list(1, 25, { provider_type: 'hei' })).toEqual({
      data: [],
      links: {
        self: '/api/v1/providers?provider_type=hei&page=1&per_page=10',
        first: '/api/v1/providers?provider_type=hei&page=1&per_page=10',
        prev: null,
        next: '/api/v1/providers?provider_type=hei&page=2&per_page=10',
        last: '/api/v1/providers?provider_type=hei&page=3&per_page=10',
      },
      meta: { page: 1, per_page: 10, total_count: 25, total_pages: 3 },
    })
  })

  it('has no next page on the last page', () => {
    expect(list(3, 25).links).toMatchObject({ prev: '/api/v1/providers?page=2&per_page=10', next: null })
  })

  it('after the last page, links back to the last page that has providers', () => {
    expect(list(7, 25)).toMatchObject({
      links: { self: '/api/v1/providers?page=7&per_page=10', prev: '/api/v1/providers?page=3&per_page=10', next: null },
      meta: { page: 7, total_pages: 3 },
    })
  })

  it('has one empty page when nothing matches', () => {
    expect(list(1, 0)).toMatchObject({ links: { prev: null, next: null, last: '/api/v1/providers?page=1&per_page=10' }, meta: { total_pages: 1 } })
  })

  it('encodes filter values, such as the + of a time zone', () => {
    expect(list(1, 1, { changed_since: '2026-09-14T12:00:00+01:00' }).links.self).toBe(
      '/api/v1/providers?changed_since=2026-09-14T12%3A00%3A00%2B01%3A00&page=1&per_page=10',
    )
  })
})
