import Link from 'next/link'
import { PageTitle } from '@/components/page-title'

/**
 * What Deactivate user and Delete user show about your own account: why not and what to do, rather than a
 * button that would be refused (users cannot deactivate or delete themselves: docs/product/users.md).
 */
export function OwnAccountRefusal({ change, userPath }: { change: 'deactivate' | 'delete'; userPath: string }) {
  const heading = `You cannot ${change} your own account`
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={heading} />
        <h1 className="govuk-heading-l">{heading}</h1>
        <p className="govuk-body">Ask another user with general access to {change} it for you.</p>
        <p className="govuk-body">
          <Link className="govuk-link" href={userPath}>
            Back to your user details
          </Link>
        </p>
      </div>
    </div>
  )
}
