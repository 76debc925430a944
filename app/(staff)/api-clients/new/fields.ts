import { allowedAddressesId } from '@/components/allowed-addresses-field'
import type { NewApiClientDraft } from '@/lib/api-clients/drafts'
import { readFields, type FormState } from '@/lib/forms/form-state'

/** The Client details answers as typed: the same shape as the draft kept between the steps. */
export type ClientDetailsValues = NewApiClientDraft

/** The Client details form's state. A date error sits on each part it marks, so the form knows which to highlight. */
export type ClientDetailsState = FormState<ClientDetailsValues>

/** The id (and field name) of the Client name input; the error summary and the Change link point at it. */
export const clientNameId = 'client-name'

/** The id of the Expiry date input; its parts are `expiry-date-day`, `expiry-date-month` and `expiry-date-year`. */
export const expiryDateId = 'expiry-date'

/** A blank form. */
export const noClientDetails: ClientDetailsValues = { name: '', day: '', month: '', year: '', allowedAddresses: '' }

/** The answers as submitted (missing fields become ''). */
export function readClientDetails(formData: FormData): ClientDetailsValues {
  const fields = readFields(formData, [clientNameId, 'expiry-date-day', 'expiry-date-month', 'expiry-date-year', allowedAddressesId])
  return {
    name: fields[clientNameId],
    day: fields['expiry-date-day'],
    month: fields['expiry-date-month'],
    year: fields['expiry-date-year'],
    allowedAddresses: fields[allowedAddressesId],
  }
}
