import Link from 'next/link'
import { ContentPage } from '@/components/content-page'

/** Where signing out lands. */
export default function SignedOutPage() {
  return (
    <ContentPage title="You have signed out">
      <p className="govuk-body">
        <Link className="govuk-link" href="/sign-in">
          Sign in
        </Link>{' '}
        to use the Register of training providers again.
      </p>
    </ContentPage>
  )
}
