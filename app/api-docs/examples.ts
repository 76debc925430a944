import { encodeCursor } from '@/lib/providers/feed-cursor'
import { changesResponse, providerListResponse, providerResponse } from '@/lib/providers/present'
import type { ProviderRecord } from '@/lib/providers/queries'

// The examples are built by the same code as real responses, so the page cannot show a shape the API does not serve.

const exampleProvider: ProviderRecord = {
  id: '6f1c1b4e-5a3d-4f7e-9c2b-1d8e0a7b3c55',
  operatingName: 'Northfield Teacher Training',
  legalName: 'Northfield Teacher Training Limited',
  providerType: 'scitt',
  accreditationStatus: 'accredited',
  ukprn: '10012345',
  urn: '123456',
  code: '1AB',
  createdAt: new Date('2023-04-12T09:30:00Z'),
  updatedAt: new Date('2026-09-15T11:34:56Z'),
  accreditations: [{ number: '5123', startDate: '2023-09-01', endDate: null }],
  addresses: [
    {
      addressLine1: '1 Example Street',
      addressLine2: null,
      addressLine3: null,
      townOrCity: 'Leeds',
      county: 'West Yorkshire',
      postcode: 'LS1 4AP',
    },
  ],
  academicYears: [2025, 2026],
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2)

/** GET /api/v1/providers?provider_type=scitt&per_page=1&page=2 as the API would answer it. */
export const exampleListResponse = pretty(
  providerListResponse([exampleProvider], { path: '/api/v1/providers', filters: { provider_type: 'scitt' }, page: 2, perPage: 1, total: 3 }),
)

/** A page of the change feed with one of each kind of change, as the API would answer it. */
export const exampleChangesResponse = pretty(
  changesResponse({
    changes: [
      { change: 'updated', id: exampleProvider.id, changedAt: exampleProvider.updatedAt, provider: exampleProvider },
      { change: 'removed', id: '0c5e7a52-93d1-4f0b-8a6e-2b7f4d9c1e30', changedAt: new Date('2026-09-15T11:40:02Z') },
    ],
    cursor: encodeCursor({ xid: 81_233n, seq: 46_120n }),
    nextCursor: encodeCursor({ xid: 81_240n, seq: 46_122n }),
    hasMore: false,
    perPage: 100,
  }),
)

/** GET /api/v1/providers/{id} as the API would answer it. */
export const exampleProviderResponse = pretty(providerResponse(exampleProvider))
