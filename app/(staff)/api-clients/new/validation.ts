import 'server-only'
import { parseExpiryDate } from '@/lib/api-clients/expiry-date'
import { checkClientName } from '@/lib/api-clients/load'
import type { CurrentUser } from '@/lib/auth/roles'
import type { ErrorSummaryItem } from '@/lib/forms/form-state'
import { clientNameId, expiryDateId, type ClientDetailsState, type ClientDetailsValues } from './fields'

/** Answers ready to save (trimmed name, ISO date), or the form state that explains what is wrong. */
export type CheckedClientDetails = { ok: true; name: string; expiresOn: string } | { ok: false; state: ClientDetailsState }

/**
 * Validates the Client details answers for their creator (docs/product/api-clients.md): the name's format,
 * then its uniqueness among the creator's live clients, and the expiry date against `today` (UK). The form,
 * the check-answers page and the save all call this, so an answer that was valid yesterday is judged again
 * before it is saved.
 */
export async function checkClientDetails(creator: CurrentUser, values: ClientDetailsValues, today: string): Promise<CheckedClientDetails> {
  const name = await checkClientName(creator.id, values.name)
  const date = parseExpiryDate(values, today)
  if (name.ok && date.ok) return { ok: true, name: name.name, expiresOn: date.date }

  const errors: ClientDetailsState['errors'] = {}
  const summary: ErrorSummaryItem[] = []
  if (!name.ok) {
    errors.name = name.message
    summary.push({ href: `#${clientNameId}`, text: name.message })
  }
  if (!date.ok) {
    // GOV.UK marks only the parts that are wrong, and the summary links to the first of them.
    for (const part of date.fields) errors[part] = date.message
    summary.push({ href: `#${expiryDateId}-${date.fields[0] ?? 'day'}`, text: date.message })
  }
  return { ok: false, state: { values, errors, summary } }
}
