import { redirect } from 'next/navigation'
import { ActionForm } from '@/components/action-form'
import { Button } from '@/components/govuk/button'
import { SummaryList } from '@/components/govuk/summary-list'
import { PageTitle } from '@/components/page-title'
import { requireGeneralAccess } from '@/lib/auth/current-user'
import { readNewUserDraft } from '@/lib/users/drafts'
import { userFieldIds, userFieldOrder } from '../../user-fields'
import { checkUserDetails } from '../../validation'
import { saveUser } from './actions'
import { CancelDraftLink } from '@/components/cancel-draft-link'

const change = (field: keyof typeof userFieldIds, visuallyHiddenText: string) => ({
  items: [{ href: `/users/new#${userFieldIds[field]}`, text: 'Change', visuallyHiddenText }],
})

/** Add user, step 2: the answers from the draft, each with a Change link back to the form. */
export default async function CheckUserPage() {
  const viewer = await requireGeneralAccess()
  const draft = await readNewUserDraft(viewer.id)
  if (!draft) redirect('/users/new')
  // Answers that are no longer valid (the address was taken meanwhile) are shown on the form, with the reason.
  const checked = await checkUserDetails(draft, { fields: userFieldOrder })
  if (!checked.ok) redirect('/users/new')
  const { details } = checked
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title="Check your answers - Add user" />
        <span className="govuk-caption-l">Add user</span>
        <h1 className="govuk-heading-l">Check your answers</h1>
        <SummaryList
          rows={[
            { key: { text: 'First name' }, value: { text: details.firstName }, actions: change('firstName', 'first name') },
            { key: { text: 'Last name' }, value: { text: details.lastName }, actions: change('lastName', 'last name') },
            { key: { text: 'Email address' }, value: { text: details.email }, actions: change('email', 'email address') },
            {
              key: { text: 'API user' },
              value: { text: details.apiUser ? 'Yes' : 'No' },
              actions: change('apiUser', 'if the account is an API user'),
            },
          ]}
        />
        <ActionForm action={saveUser} permalink="/users/new/check">
          <div className="govuk-button-group">
            <Button text="Save user" preventDoubleClick />
            <CancelDraftLink href="/users/new/cancel" />
          </div>
        </ActionForm>
      </div>
    </div>
  )
}
