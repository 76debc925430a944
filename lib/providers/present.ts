import { totalPages } from '@/lib/pagination'
import type { ProviderChange } from './changes'
import { changesResponseSchema } from './change-schema'
import { providerListResponseSchema, providerResponseSchema, type ApiProvider } from './provider-schema'
import type { ProviderRecord } from './queries'

/** The API's shape of a provider, before the output schema checks it. */
function apiFields(record: ProviderRecord): ApiProvider {
  return {
    id: record.id,
    operating_name: record.operatingName,
    legal_name: record.legalName,
    provider_type: record.providerType,
    accreditation_status: record.accreditationStatus,
    ukprn: record.ukprn,
    urn: record.urn,
    code: record.code,
    accreditations: record.accreditations.map((item) => ({ number: item.number, start_date: item.startDate, end_date: item.endDate })),
    addresses: record.addresses.map((item) => ({
      address_line_1: item.addressLine1,
      address_line_2: item.addressLine2,
      address_line_3: item.addressLine3,
      town_or_city: item.townOrCity,
      county: item.county,
      postcode: item.postcode,
    })),
    academic_years: record.academicYears,
    // toISOString is always UTC with milliseconds; PostgreSQL keeps microseconds, so a served time can be up
    // to 1 ms earlier than the stored one, and changed_since (>=) with it finds that provider again, never misses it.
    created_at: record.createdAt.toISOString(),
    updated_at: record.updatedAt.toISOString(),
  }
}

/** The body of GET /api/v1/providers/{id}, built through its schema. */
export function providerResponse(record: ProviderRecord) {
  return providerResponseSchema.parse({ data: apiFields(record) })
}

export type ListPage = { path: string; filters: Record<string, string>; page: number; perPage: number; total: number }

/**
 * Links are paths relative to the server, not absolute URLs: an absolute URL would have to trust the Host
 * header (or a configured origin) and would be wrong behind a proxy that rewrites it.
 */
function linkTo({ path, filters, perPage }: ListPage, page: number): string {
  const query = new URLSearchParams(filters)
  query.set('page', String(page))
  query.set('per_page', String(perPage))
  return `${path}?${query.toString()}`
}

/** The body of GET /api/v1/providers: the page's providers, links to other pages, and counts. */
export function providerListResponse(records: ProviderRecord[], list: ListPage) {
  const pages = totalPages({ perPage: list.perPage, total: list.total })
  const { page } = list
  return providerListResponseSchema.parse({
    data: records.map(apiFields),
    links: {
      self: linkTo(list, page),
      first: linkTo(list, 1),
      // After the last page, "previous" is the last page that has providers.
      prev: page > 1 ? linkTo(list, Math.min(page - 1, pages)) : null,
      next: page < pages ? linkTo(list, page + 1) : null,
      last: linkTo(list, pages),
    },
    meta: { page, per_page: list.perPage, total_count: list.total, total_pages: pages },
  })
}

export type ChangesPage = { changes: ProviderChange[]; cursor: string | undefined; nextCursor: string; hasMore: boolean; perPage: number }

function changesLink(cursor: string | undefined, perPage: number): string {
  const query = new URLSearchParams(cursor === undefined ? {} : { cursor })
  query.set('per_page', String(perPage))
  return `/api/v1/providers/changes?${query.toString()}`
}

/** The body of GET /api/v1/providers/changes: the page's changes, the link to carry on from, and whether to follow it now. */
export function changesResponse({ changes, cursor, nextCursor, hasMore, perPage }: ChangesPage) {
  return changesResponseSchema.parse({
    data: changes.map((entry) =>
      entry.change === 'updated'
        ? { change: 'updated', id: entry.id, changed_at: entry.changedAt.toISOString(), provider: apiFields(entry.provider) }
        : { change: 'removed', id: entry.id, changed_at: entry.changedAt.toISOString() },
    ),
    links: { self: changesLink(cursor, perPage), next: changesLink(nextCursor, perPage) },
    meta: { next_cursor: nextCursor, has_more: hasMore },
  })
}
