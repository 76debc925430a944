import Link from 'next/link'
import { ContentPage } from '@/components/content-page'

/**
 * Shown when DfE Sign-in vouches for someone who has no account in this service. It does not repeat the
 * email address: the page can be reached by anyone, and it would tell them nothing they need.
 */
export default function NotRecognisedPage() {
  return (
    <ContentPage title="You do not have an account for this service">
      <p className="govuk-body">You signed in to DfE Sign-in with an email address that is not registered for the Register of training providers.</p>
      <p className="govuk-body">
        To get access, ask someone who has general access to this service to add you as a user. They will need the email address you use for DfE
        Sign-in.
      </p>
      <p className="govuk-body">
        If you have more than one DfE Sign-in account, sign out of DfE Sign-in and{' '}
        <Link className="govuk-link" href="/sign-in" prefetch={false}>
          sign in again
        </Link>{' '}
        with the account you use for this service.
      </p>
    </ContentPage>
  )
}
