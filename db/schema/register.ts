import { sql } from 'drizzle-orm'
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core'
import { id, timestamps } from './columns'

export const providerTypes = ['hei', 'scitt', 'school', 'other'] as const
export const accreditationStatuses = ['accredited', 'unaccredited'] as const

export type ProviderType = (typeof providerTypes)[number]
export type AccreditationStatus = (typeof accreditationStatuses)[number]

const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '))
const softDelete = { deletedAt: timestamp('deleted_at', { withTimezone: true }) }

/**
 * Teacher training providers. Archived providers are read-only and deleted ones are soft-deleted; the API
 * serves neither. updated_at also moves when a provider's accreditations, addresses or years change
 * (database triggers), so `changed_since` finds every provider whose served data changed.
 */
export const providers = pgTable(
  'providers',
  {
    id: id(),
    operatingName: text('operating_name').notNull(),
    legalName: text('legal_name'),
    providerType: text('provider_type').$type<ProviderType>().notNull(),
    accreditationStatus: text('accreditation_status').$type<AccreditationStatus>().notNull(),
    ukprn: varchar('ukprn', { length: 8 }).notNull(),
    urn: varchar('urn', { length: 6 }),
    code: varchar('code', { length: 3 }).notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...softDelete,
    ...timestamps,
  },
  (table) => [
    uniqueIndex('providers_code_unique').on(sql`upper(${table.code})`),
    index('providers_ukprn').on(table.ukprn),
    index('providers_live_updated_at')
      .on(table.updatedAt, table.id)
      .where(sql`${table.archivedAt} is null and ${table.deletedAt} is null`),
    // The register API's filters (lib/providers/queries.ts; plans in bench/README.md). Each gives the rows of one
    // type or status already in page order, and counts them without reading the table. accreditation_status
    // comes last in the first so that "type and status" filters on the index too.
    index('providers_live_type_updated_at')
      .on(table.providerType, table.updatedAt, table.id, table.accreditationStatus)
      .where(sql`${table.archivedAt} is null and ${table.deletedAt} is null`),
    index('providers_live_status_updated_at')
      .on(table.accreditationStatus, table.updatedAt, table.id)
      .where(sql`${table.archivedAt} is null and ${table.deletedAt} is null`),
    check('providers_provider_type', sql`${table.providerType} in (${inList(providerTypes)})`),
    check('providers_accreditation_status', sql`${table.accreditationStatus} in (${inList(accreditationStatuses)})`),
    check('providers_school_not_accredited', sql`not (${table.providerType} = 'school' and ${table.accreditationStatus} = 'accredited')`),
    check('providers_ukprn_format', sql`${table.ukprn} ~ '^[0-9]{8}$'`),
    check('providers_urn_format', sql`${table.urn} is null or ${table.urn} ~ '^[0-9]{5,6}$'`),
    check('providers_code_format', sql`${table.code} ~ '^[A-Z0-9]{3}$'`),
  ],
)

/** Accreditation periods, numbered 1xxx for HEIs and 5xxx for SCITTs and schools. */
export const accreditations = pgTable(
  'accreditations',
  {
    id: id(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    number: varchar('number', { length: 4 }).notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    ...softDelete,
    ...timestamps,
  },
  (table) => [
    index('accreditations_provider_id').on(table.providerId),
    check('accreditations_number_format', sql`${table.number} ~ '^[15][0-9]{3}$'`),
    check('accreditations_dates_in_order', sql`${table.endDate} is null or ${table.endDate} >= ${table.startDate}`),
  ],
)

/** Postal addresses of a provider's sites. */
export const addresses = pgTable(
  'addresses',
  {
    id: id(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    addressLine1: text('address_line_1').notNull(),
    addressLine2: text('address_line_2'),
    addressLine3: text('address_line_3'),
    townOrCity: text('town_or_city').notNull(),
    county: text('county'),
    postcode: text('postcode').notNull(),
    ...softDelete,
    ...timestamps,
  },
  (table) => [index('addresses_provider_id').on(table.providerId)],
)

/** Contacts at a provider. Personal data: never served by the register API. */
export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email').notNull(),
    telephoneNumber: text('telephone_number'),
    ...softDelete,
    ...timestamps,
  },
  (table) => [index('contacts_provider_id').on(table.providerId)],
)

/** Academic year N runs from 1 August N to 31 July N+1. */
export const academicYears = pgTable(
  'academic_years',
  {
    id: id(),
    startYear: integer('start_year').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('academic_years_start_year_unique').on(table.startYear),
    check(
      'academic_years_bounds',
      sql`${table.startsOn} = make_date(${table.startYear}, 8, 1) and ${table.endsOn} = make_date(${table.startYear} + 1, 7, 31)`,
    ),
  ],
)

/** The academic years in which a provider is active. */
export const providerAcademicYears = pgTable(
  'provider_academic_years',
  {
    id: id(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    academicYearId: uuid('academic_year_id')
      .notNull()
      .references(() => academicYears.id),
    ...softDelete,
    ...timestamps,
  },
  (table) => [
    uniqueIndex('provider_academic_years_unique').on(table.providerId, table.academicYearId),
    // Only live rows, so the API's academic_year filter reads the index alone, never the table.
    index('provider_academic_years_live_year')
      .on(table.academicYearId, table.providerId)
      .where(sql`${table.deletedAt} is null`),
  ],
)

export type Provider = typeof providers.$inferSelect
export type NewProvider = typeof providers.$inferInsert
