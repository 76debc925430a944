import { redirect } from 'next/navigation'
import { allowedAddressesId } from '@/components/allowed-addresses-field'
import { AllowedAddressesValue } from '@/components/allowed-addresses-value'
import { SummaryList } from '@/components/govuk/summary-list'
import { WarningText } from '@/components/govuk/warning-text'
import { PageTitle } from '@/components/page-title'
import { readNewApiClientDraft, readSavedApiClientId } from '@/lib/api-clients/drafts'
import { requireUser } from '@/lib/auth/current-user'
import { systemClock } from '@/lib/clock'
import { formatDate, ukDate } from '@/lib/dates'
import { clientNameId, expiryDateId } from '../fields'
import { checkClientDetails } from '../validation'
import { SaveApiClientForm } from './save-api-client-form'

/** Add API client, step 2: the answers from the draft, each with a Change link back to the form. */
export default async function CheckAnswersPage() {
  const user = await requireUser()
  const draft = await readNewApiClientDraft(user.id)
  const checked = draft ? await checkClientDetails(user, draft, ukDate(systemClock())) : undefined
  const savedClientId = draft ? undefined : await readSavedApiClientId(user.id)
  // Answers that are no longer valid are shown on the form, with the reason.
  if (checked && !checked.ok) redirect('/api-clients/new')
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <SaveApiClientForm hasAnswers={Boolean(checked)} withoutAnswersHref={savedClientId ? `/api-clients/${savedClientId}` : '/api-clients/new'}>
          {checked?.ok ? (
            <>
              <PageTitle title="Check your answers - Add API client" />
              <span className="govuk-caption-l">Add API client</span>
              <h1 className="govuk-heading-l">Check your answers</h1>
              <SummaryList
                rows={[
                  {
                    key: { text: 'Client name' },
                    value: { text: checked.name },
                    actions: { items: [{ href: `/api-clients/new#${clientNameId}`, text: 'Change', visuallyHiddenText: 'client name' }] },
                  },
                  {
                    key: { text: 'Expiry date' },
                    value: { text: formatDate(checked.expiresOn) },
                    actions: { items: [{ href: `/api-clients/new#${expiryDateId}-day`, text: 'Change', visuallyHiddenText: 'expiry date' }] },
                  },
                  {
                    key: { text: 'Allowed IP addresses' },
                    value: { html: <AllowedAddressesValue addresses={checked.allowedAddresses} /> },
                    actions: {
                      items: [{ href: `/api-clients/new#${allowedAddressesId}`, text: 'Change', visuallyHiddenText: 'allowed IP addresses' }],
                    },
                  },
                ]}
              />
              <WarningText text="An authentication token will be created and shown once on the next page." />
            </>
          ) : null}
        </SaveApiClientForm>
      </div>
    </div>
  )
}
