import Link from 'next/link'
import { ContentPage } from '@/components/content-page'

/** The 403 page, for pages a person's role does not allow (Next's forbidden()). */
export default function Forbidden() {
  return (
    <ContentPage title="You do not have permission to view this page">
      <p className="govuk-body">
        Go to{' '}
        <Link className="govuk-link" href="/api-clients">
          API clients
        </Link>
        .
      </p>
    </ContentPage>
  )
}
