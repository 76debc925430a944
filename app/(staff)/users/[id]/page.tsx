import Link from 'next/link'
import { Button } from '@/components/govuk/button'
import { InsetText } from '@/components/govuk/inset-text'
import { SummaryList, type SummaryListRow } from '@/components/govuk/summary-list'
import { PageTitle } from '@/components/page-title'
import { HistorySection } from '@/components/history-section'
import { SuccessBanner } from '@/components/success-banner'
import { UserStatusTag } from '@/components/user-status-tag'
import { formatDateTime } from '@/lib/dates'
import { readFlash } from '@/lib/flash'
import { userHistory } from '@/lib/history/load'
import { loadUserForPage } from '@/lib/users/load'
import { fullName } from '@/lib/users/names'
import { userFieldIds } from '../user-fields'

type Props = { params: Promise<{ id: string }> }

/**
 * A user: their details, what may be changed (docs/product/users.md), and their history. Name and email can
 * change only until the person first signs in; nobody can change their own access, deactivate or delete
 * themselves.
 */
export default async function UserPage({ params }: Props) {
  const { id } = await params
  const { user, isSelf } = await loadUserForPage(id)
  const path = `/users/${user.id}`
  const [flash, history] = await Promise.all([readFlash(path), userHistory(user.id)])
  const name = fullName(user)
  const identityEditable = !user.lastSignedInAt
  const change = (field: keyof typeof userFieldIds, visuallyHiddenText: string, editable: boolean): SummaryListRow['actions'] =>
    editable ? { items: [{ href: `${path}/edit#${userFieldIds[field]}`, text: 'Change', visuallyHiddenText }] } : undefined

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={`${name} - User`} />
        {flash ? <SuccessBanner heading={flash} /> : null}
        <span className="govuk-caption-l">User</span>
        <h1 className="govuk-heading-l">
          {name} <UserStatusTag active={user.active} classes="govuk-!-margin-left-1" />
        </h1>
        {isSelf ? <InsetText text="This is your account. You cannot change your own access, deactivate or delete your account." /> : null}
        <SummaryList
          rows={[
            { key: { text: 'First name' }, value: { text: user.firstName }, actions: change('firstName', 'first name', identityEditable) },
            { key: { text: 'Last name' }, value: { text: user.lastName }, actions: change('lastName', 'last name', identityEditable) },
            { key: { text: 'Email address' }, value: { text: user.email }, actions: change('email', 'email address', identityEditable) },
            {
              key: { text: 'API user' },
              value: { text: user.apiUser ? 'Yes' : 'No' },
              actions: change('apiUser', 'if the account is an API user', !isSelf),
            },
            { key: { text: 'Last signed in' }, value: { text: user.lastSignedInAt ? formatDateTime(user.lastSignedInAt) : 'Never' } },
          ]}
        />
        {identityEditable ? null : (
          <p className="govuk-body">
            {/* Only a person linked to DfE Sign-in (a stored DfE Sign-in id) gets their name and email from it; others signed in with a password. */}
            {user.dfeSignInUid
              ? 'The name and email address cannot be changed because this person has signed in: they come from DfE Sign-in.'
              : 'The name and email address cannot be changed because this person has signed in.'}
          </p>
        )}
        {isSelf ? null : (
          <div className="govuk-button-group">
            {user.active ? (
              <Button text="Deactivate user" classes="govuk-button--secondary" href={`${path}/deactivate`} />
            ) : (
              <Button text="Reactivate user" classes="govuk-button--secondary" href={`${path}/reactivate`} />
            )}
            <Link className="govuk-link" href={`${path}/delete`}>
              Delete user
            </Link>
          </div>
        )}
        <HistorySection items={history} emptyText="There is no history for this user." />
      </div>
    </div>
  )
}
