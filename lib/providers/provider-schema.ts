import { z } from 'zod'
import { accreditationStatuses, providerTypes } from '@/db/schema/register'

// Output schemas: every response body is built by parsing through these, and z.object drops any key it
// does not list, so a column added to a query can never reach a client unless it is added here too.

const utcDateTime = (description: string) => z.iso.datetime().meta({ description, examples: ['2026-09-15T11:34:56.000Z'] })
const isoDate = (description: string, example: string) => z.iso.date().meta({ description, examples: [example] })

/** An accreditation period of a provider. */
export const accreditationSchema = z
  .object({
    number: z
      .string()
      .regex(/^[15][0-9]{3}$/)
      .meta({
        description: 'Accreditation number: 4 digits, starting 1 for higher education institutions and 5 for SCITTs and schools.',
        examples: ['1234'],
      }),
    start_date: isoDate('The first day of the accreditation.', '2024-09-01'),
    end_date: isoDate('The last day of the accreditation, or null if it has no end.', '2028-08-31').nullable(),
  })
  .meta({ id: 'Accreditation' })

/** A postal address of one of a provider's sites. */
export const addressSchema = z
  .object({
    address_line_1: z.string().meta({ examples: ['1 Example Street'] }),
    address_line_2: z.string().nullable(),
    address_line_3: z.string().nullable(),
    town_or_city: z.string().meta({ examples: ['Leeds'] }),
    county: z.string().nullable(),
    postcode: z.string().meta({ examples: ['LS1 4AP'] }),
  })
  .meta({ id: 'Address' })

/** A provider as the register API serves it. Contacts (personal data) are deliberately absent. */
export const providerSchema = z
  .object({
    id: z.guid().meta({ description: 'The provider’s id. It never changes.', examples: ['6f1c1b4e-5a3d-4f7e-9c2b-1d8e0a7b3c55'] }),
    operating_name: z.string().meta({ description: 'The name the provider trades under.', examples: ['Example Teaching School Alliance'] }),
    legal_name: z.string().nullable().meta({ description: 'The provider’s registered legal name, if known.' }),
    provider_type: z.enum(providerTypes).meta({ description: 'Higher education institution, SCITT, school, or other.' }),
    accreditation_status: z.enum(accreditationStatuses),
    ukprn: z
      .string()
      .regex(/^[0-9]{8}$/)
      .meta({ description: 'UK provider reference number: 8 digits.', examples: ['10012345'] }),
    urn: z
      .string()
      .regex(/^[0-9]{5,6}$/)
      .nullable()
      .meta({ description: 'Unique reference number: 5 or 6 digits; null for providers that have none.', examples: ['123456'] }),
    code: z
      .string()
      .regex(/^[A-Z0-9]{3}$/)
      .meta({ description: 'Provider code: 3 letters or digits.', examples: ['1AB'] }),
    accreditations: z.array(accreditationSchema).meta({ description: 'Accreditation periods, earliest first.' }),
    addresses: z.array(addressSchema).meta({ description: 'Addresses, in the order they were added.' }),
    academic_years: z.array(z.int()).meta({
      description: 'The academic years the provider is active in, by the year each starts (1 August), earliest first.',
      examples: [[2025, 2026]],
    }),
    created_at: utcDateTime('When the provider was added to the register (UTC).'),
    updated_at: utcDateTime('When anything served about the provider last changed, its accreditations, addresses and years included (UTC).'),
  })
  .meta({ id: 'Provider' })

export type ApiProvider = z.output<typeof providerSchema>

const pageLink = (description: string, page: number) => z.string().meta({ description, examples: [`/api/v1/providers?page=${page}&per_page=100`] })

/** Links to pages of the same list, relative to the server (see /api-docs for why). */
export const pageLinksSchema = z
  .object({
    self: pageLink('This page.', 2),
    first: pageLink('The first page.', 1),
    prev: pageLink('The page before this one, or null on the first page.', 1).nullable(),
    next: pageLink('The page after this one, or null on the last page or after it.', 3).nullable(),
    last: pageLink('The last page.', 15),
  })
  .meta({ id: 'PageLinks', description: 'Links to pages of the list, with the same filters, as paths relative to the server.' })

/** Where a page sits in the whole list. */
export const pageMetaSchema = z
  .object({
    page: z.int().min(1),
    per_page: z.int().min(1),
    total_count: z.int().min(0).meta({ description: 'How many providers match the filters, on all pages.' }),
    total_pages: z.int().min(1).meta({ description: 'How many pages there are: at least 1, so an empty list has an empty first page.' }),
  })
  .meta({ id: 'PageMeta' })

/** The body of GET /api/v1/providers. */
export const providerListResponseSchema = z
  .object({ data: z.array(providerSchema), links: pageLinksSchema, meta: pageMetaSchema })
  .meta({ id: 'ProviderList' })

/** The body of GET /api/v1/providers/{id}. */
export const providerResponseSchema = z.object({ data: providerSchema }).meta({ id: 'ProviderResponse' })
