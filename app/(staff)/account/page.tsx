import Link from 'next/link'
import { ActionForm } from '@/components/action-form'
import { Button } from '@/components/govuk/button'
import { SummaryList } from '@/components/govuk/summary-list'
import { PageTitle } from '@/components/page-title'
import { requireUser } from '@/lib/auth/current-user'
import { fullName } from '@/lib/users/names'
import { signOutEverywhereAction } from './actions'

const roleNames = { 'general-access': 'General access', 'api-only': 'API user' } as const

/** Your account: who you are signed in as and what you may do. */
export default async function AccountPage() {
  const user = await requireUser()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title="Your account" />
        <h1 className="govuk-heading-l">Your account</h1>
        <SummaryList
          rows={[
            { key: { text: 'Name' }, value: { text: fullName(user) } },
            { key: { text: 'Email address' }, value: { text: user.email } },
            { key: { text: 'Role' }, value: { text: roleNames[user.role] } },
          ]}
        />
        <p className="govuk-body">
          <Link className="govuk-link" href="/sign-out" prefetch={false}>
            Sign out
          </Link>
        </p>
        <h2 className="govuk-heading-m">Sign out everywhere</h2>
        <p className="govuk-body">
          Sign out on every device and browser where you are signed in to this service, for example if you used a shared computer and did not sign
          out.
        </p>
        <ActionForm action={signOutEverywhereAction} permalink="/account">
          <Button text="Sign out everywhere" classes="govuk-button--secondary" />
        </ActionForm>
      </div>
    </div>
  )
}
