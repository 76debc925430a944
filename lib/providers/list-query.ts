import { z } from 'zod'
import { accreditationStatuses, providerTypes } from '@/db/schema/register'
import { hasControlCharacter } from '@/lib/forms/plain-text'
import type { ProviderFilters } from './queries'

/** Paging limits, shared by the schema, the OpenAPI document and /api-docs. */
export const paging = { defaultPerPage: 100, maxPerPage: 500, maxPage: 1_000_000 } as const

/** Why each parameter was refused: the reason in `invalid_params` (the parameter's name goes before it in `detail`). */
export const parameterReasons = {
  changed_since: 'must be an ISO 8601 date, like 2026-09-14, or date and time with a time zone, like 2026-09-14T11:34:56Z (send + as %2B)',
  academic_year: 'must be a year of 4 digits, like 2026',
  provider_type: `must be one of ${providerTypes.join(', ')}`,
  accreditation_status: `must be one of ${accreditationStatuses.join(', ')}`,
  page: `must be a whole number from 1 to ${paging.maxPage.toLocaleString('en-GB')}`,
  per_page: `must be a whole number from 1 to ${paging.maxPerPage}`,
} as const

/** Why any parameter whose name or value holds a control character (NUL, newline, DEL …) was refused. */
export const controlCharacterReason = 'must not include control characters'

// Digits only: Number() alone would also take ' 5', '1e2' and '0x10'.
const wholeNumber = (name: 'page' | 'per_page', maximum: number, defaultValue: number, description: string) =>
  z
    .string()
    .regex(/^[0-9]{1,7}$/, { error: parameterReasons[name] })
    .transform(Number)
    .pipe(z.int().min(1, { error: parameterReasons[name] }).max(maximum, { error: parameterReasons[name] }))
    .default(defaultValue)
    // The wire value is a string; document what it must spell.
    .meta({ type: 'integer', minimum: 1, maximum, default: defaultValue, description })

/** Midnight UTC for a date alone, as ISO 8601 and JavaScript both read one. */
const instantOf = (value: string) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value)

/**
 * The query of GET /api/v1/providers. Strict, so an unknown parameter is refused rather than silently
 * ignored: a caller who misspells a filter would otherwise page through the whole register believing it filtered.
 */
export const providerListQuerySchema = z.strictObject({
  changed_since: z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: parameterReasons.changed_since })
    .transform(instantOf)
    // Year 1 onwards in UTC: PostgreSQL has no year 0, and `0000-01-01` would otherwise reach it.
    .refine((instant) => instant.getUTCFullYear() >= 1, { error: parameterReasons.changed_since })
    .optional()
    .meta({
      description:
        'Only providers whose data changed at or after this moment (`updated_at >= changed_since`). ' +
        'An ISO 8601 date (midnight UTC) or date and time with a time zone.',
      examples: ['2026-09-14T11:34:56Z'],
    }),
  academic_year: z
    .string()
    .regex(/^[1-9][0-9]{3}$/, { error: parameterReasons.academic_year })
    .transform(Number)
    .optional()
    .meta({
      type: 'integer',
      minimum: 1000,
      maximum: 9999,
      description: 'Only providers active in the academic year that starts on 1 August of this year and ends on 31 July of the next.',
      examples: [2026],
    }),
  provider_type: z.enum(providerTypes, { error: parameterReasons.provider_type }).optional().meta({ description: 'Only providers of this type.' }),
  accreditation_status: z
    .enum(accreditationStatuses, { error: parameterReasons.accreditation_status })
    .optional()
    .meta({ description: 'Only accredited, or only unaccredited, providers.' }),
  page: wholeNumber('page', paging.maxPage, 1, 'The page to return. A page after the last one has no providers.'),
  per_page: wholeNumber('per_page', paging.maxPerPage, paging.defaultPerPage, 'How many providers a page has.'),
})

export type ProviderListQuery = z.output<typeof providerListQuerySchema>

/** One refused parameter, as RFC 9457's `invalid_params` lists it. */
export type InvalidParam = { name: string; reason: string }

export type ParsedProviderListQuery =
  { ok: true; query: ProviderListQuery; given: Record<string, string> } | { ok: false; invalidParams: InvalidParam[] }

/** Parses a query string by the schema of an endpoint; repeated and unknown parameters are refused by name. */
export function parseQuery<T extends z.ZodType>(
  schema: T,
  searchParams: URLSearchParams,
): { ok: true; query: z.output<T>; given: Record<string, string> } | { ok: false; invalidParams: InvalidParam[] } {
  const given: Record<string, string> = {}
  const invalid = new Map<string, string>()
  for (const [name, value] of searchParams) {
    // ?page=1&page=2 has no single meaning, so rather than pick one we say so.
    // Checked before the schema, so no endpoint's parameter can carry a NUL to the database or a newline to a log.
    if (hasControlCharacter(name) || hasControlCharacter(value)) invalid.set(name, controlCharacterReason)
    else if (name in given) invalid.set(name, 'must be given only once')
    else given[name] = value
  }
  const result = schema.safeParse(given)
  if (!result.success) {
    for (const issue of result.error.issues) {
      const names = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '')]
      const reason = issue.code === 'unrecognized_keys' ? 'is not a parameter of this endpoint' : issue.message
      for (const name of names) if (!invalid.has(name)) invalid.set(name, reason)
    }
  }
  if (invalid.size > 0 || !result.success) return { ok: false, invalidParams: [...invalid].map(([name, reason]) => ({ name, reason })) }
  return { ok: true, query: result.data, given }
}

/** Parses the query of GET /api/v1/providers. */
export function parseProviderListQuery(searchParams: URLSearchParams): ParsedProviderListQuery {
  return parseQuery(providerListQuerySchema, searchParams)
}

const filterNames = ['changed_since', 'academic_year', 'provider_type', 'accreditation_status'] as const

/** The filters of a parsed list query, for the database query. */
export function providerFiltersOf(query: ProviderListQuery): ProviderFilters {
  return {
    changedSince: query.changed_since,
    academicYear: query.academic_year,
    providerType: query.provider_type,
    accreditationStatus: query.accreditation_status,
  }
}

/** The filters as the caller wrote them, in a fixed order, to repeat in the links to other pages. */
export function linkFiltersOf(given: Record<string, string>): Record<string, string> {
  return Object.fromEntries(filterNames.flatMap((name) => (given[name] === undefined ? [] : [[name, given[name]]])))
}
