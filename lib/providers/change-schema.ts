import { z } from 'zod'
import { paging } from './list-query'
import { providerSchema } from './provider-schema'

/** Why a cursor was refused, in `invalid_params` and the 400's detail. */
export const cursorReason = 'is not a cursor this API gave you: start again without a cursor'

/** The query of GET /api/v1/providers/changes. Strict, like the provider list's. */
export const changesQuerySchema = z.strictObject({
  cursor: z
    .string()
    .optional()
    .meta({
      description:
        'Where to carry on from: `meta.next_cursor` of the last page you processed. Leave it out to start from the beginning of the register. ' +
        'It is opaque: store it as it is and do not build one.',
      examples: ['djE6NzM4OjQ2NjU3'],
    }),
  per_page: z
    .string()
    .regex(/^[0-9]{1,7}$/, { error: `must be a whole number from 1 to ${paging.maxPerPage}` })
    .transform(Number)
    .pipe(
      z
        .int()
        .min(1, { error: `must be a whole number from 1 to ${paging.maxPerPage}` })
        .max(paging.maxPerPage, { error: `must be a whole number from 1 to ${paging.maxPerPage}` }),
    )
    .default(paging.defaultPerPage)
    .meta({
      type: 'integer',
      minimum: 1,
      maximum: paging.maxPerPage,
      default: paging.defaultPerPage,
      description: 'How many changes a page has at most.',
    }),
})

export type ChangesQuery = z.output<typeof changesQuerySchema>

const changedAt = z.iso.datetime().meta({
  description: 'When the change was made (UTC): for information only. The order of the feed is the order changes became visible, not this time.',
  examples: ['2026-09-15T11:34:56.000Z'],
})
const changeId = z.guid().meta({ description: 'The provider’s id.', examples: ['6f1c1b4e-5a3d-4f7e-9c2b-1d8e0a7b3c55'] })

/** A provider that is in the register: add it to your copy, or replace the one you hold. */
export const updatedChangeSchema = z
  .object({
    change: z.literal('updated'),
    id: changeId,
    changed_at: changedAt,
    provider: providerSchema.meta({ description: 'The provider as it is now, exactly as GET /providers/{id} serves it.' }),
  })
  .meta({ id: 'ProviderUpdated' })

/** A provider that is no longer served (archived or deleted): remove it from your copy if you hold it. */
export const removedChangeSchema = z.object({ change: z.literal('removed'), id: changeId, changed_at: changedAt }).meta({ id: 'ProviderRemoved' })

const changeLink = (description: string) =>
  z.string().meta({ description, examples: ['/api/v1/providers/changes?cursor=djE6NzM4OjQ2NjU3&per_page=100'] })

/** The body of GET /api/v1/providers/changes. */
export const changesResponseSchema = z
  .object({
    data: z
      .array(z.discriminatedUnion('change', [updatedChangeSchema, removedChangeSchema]))
      .meta({ description: 'Changes in the order to apply them; each provider at most once, at its latest state.' }),
    links: z.object({
      self: changeLink('This page.'),
      next: changeLink('The page after this one: follow it while has_more is true, and poll it later when it is false.'),
    }),
    meta: z.object({
      next_cursor: z.string().meta({ description: 'The cursor to carry on from. Store it once you have applied this page.' }),
      has_more: z.boolean().meta({ description: 'Whether more changes can be read at once. When false, your copy is up to date: poll again later.' }),
    }),
  })
  .meta({ id: 'ProviderChanges' })
