import { readNewApiClientDraft } from '@/lib/api-clients/drafts'
import { expiryDateHint } from '@/lib/api-clients/expiry-date'
import { requireUser } from '@/lib/auth/current-user'
import { systemClock } from '@/lib/clock'
import { ukDate } from '@/lib/dates'
import { initialFormState } from '@/lib/forms/form-state'
import { ClientDetailsForm } from './client-details-form'
import { noClientDetails, type ClientDetailsState } from './fields'
import { checkClientDetails } from './validation'

/**
 * Add API client, step 1. With a draft (a Change link, the back button, or a save that found a problem) the
 * answers come back, judged again: a draft only exists once the answers were valid, so any error shown here
 * is news (the date has passed out of range, or the name was taken meanwhile) and the person sees why.
 */
export default async function ClientDetailsPage() {
  const user = await requireUser()
  const today = ukDate(systemClock())
  const draft = await readNewApiClientDraft(user.id)
  let initialState: ClientDetailsState = initialFormState(draft ?? noClientDetails)
  if (draft) {
    const checked = await checkClientDetails(user, draft, today)
    if (!checked.ok) initialState = checked.state
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ClientDetailsForm initialState={initialState} expiryDateHint={expiryDateHint(today)} />
      </div>
    </div>
  )
}
