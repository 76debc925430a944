import 'server-only'
import { z } from 'zod'
import { allowedAddressesId } from '@/components/allowed-addresses-field'
import { parseAllowedAddresses } from '@/lib/api-clients/allowed-addresses'
import { dateFields, parseExpiryDate } from '@/lib/api-clients/expiry-date'
import { checkClientName } from '@/lib/api-clients/load'
import type { CurrentUser } from '@/lib/auth/roles'
import type { StaffForm } from '@/lib/auth/staff-action'
import { parseForm } from '@/lib/forms/form-schema'
import type { ErrorSummaryItem } from '@/lib/forms/form-state'
import { clientNameId, expiryDateId, readClientDetails, type ClientDetailsState, type ClientDetailsValues } from './fields'

/** Answers ready to save: the trimmed name, the ISO expiry date and the canonical allowed ranges (empty: any address). */
export type ClientDetailsAnswers = { name: string; expiresOn: string; allowedAddresses: string[] }

/** Answers ready to save, or the form state that explains what is wrong. */
export type CheckedClientDetails = ({ ok: true } & ClientDetailsAnswers) | { ok: false; state: ClientDetailsState }

/**
 * The Client details answers for their creator (docs/product/api-clients.md): the name's format, then its
 * uniqueness among the creator's live clients (lib/api-clients/details.ts checkClientName), and the expiry date
 * against `today` (UK). Both are judged in one step, so a wrong name and a wrong date are reported together.
 */
export function clientDetailsSchema(creator: CurrentUser, today: string): z.ZodType<ClientDetailsAnswers> {
  const fields = { name: z.string(), day: z.string(), month: z.string(), year: z.string(), allowedAddresses: z.string() }
  return z.object(fields).transform(async (values, context) => {
    const name = await checkClientName(creator.id, values.name)
    const date = parseExpiryDate(values, today)
    const allowed = parseAllowedAddresses(values.allowedAddresses)
    if (!name.ok) context.addIssue({ code: 'custom', path: ['name'], message: name.message })
    // GOV.UK marks only the parts that are wrong: the date's one message goes on each of them.
    if (!date.ok) for (const part of date.fields) context.addIssue({ code: 'custom', path: [part], message: date.message })
    if (!allowed.ok) context.addIssue({ code: 'custom', path: ['allowedAddresses'], message: allowed.message })
    return name.ok && date.ok && allowed.ok ? { name: name.name, expiresOn: date.date, allowedAddresses: allowed.addresses } : z.NEVER
  })
}

/** The form state for field errors: the date's message once in the summary, linked to its first wrong part. */
function clientDetailsState(values: ClientDetailsValues, errors: ClientDetailsState['errors']): ClientDetailsState {
  const summary: ErrorSummaryItem[] = []
  if (errors.name) summary.push({ href: `#${clientNameId}`, text: errors.name })
  const firstWrongPart = dateFields.find((part) => errors[part] !== undefined)
  if (firstWrongPart) summary.push({ href: `#${expiryDateId}-${firstWrongPart}`, text: errors[firstWrongPart] ?? '' })
  if (errors.allowedAddresses) summary.push({ href: `#${allowedAddressesId}`, text: errors.allowedAddresses })
  return { values, errors, summary }
}

/** The Client details form, for its action (lib/auth/staff-action.ts staffFormAction). */
export const clientDetailsForm = (today: () => string): StaffForm<ClientDetailsValues, ClientDetailsAnswers, []> => ({
  read: readClientDetails,
  schema: async (creator) => clientDetailsSchema(creator, today()),
  stateOf: clientDetailsState,
})

/**
 * Judges Client details answers kept in a draft with the form's own schema: the check-answers page and the save
 * call this, so an answer that was valid yesterday is judged again before it is saved.
 */
export async function checkClientDetails(creator: CurrentUser, values: ClientDetailsValues, today: string): Promise<CheckedClientDetails> {
  const parsed = await parseForm(clientDetailsSchema(creator, today), values, clientDetailsState)
  return parsed.ok ? { ok: true, ...parsed.answers } : parsed
}
