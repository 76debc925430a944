import Link from 'next/link'
import { SummaryList } from '@/components/govuk/summary-list'
import { PageTitle } from '@/components/page-title'
import { requireUser } from '@/lib/auth/current-user'
import { fullName } from '@/lib/users/names'

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
      </div>
    </div>
  )
}
