import Link from 'next/link'
import { ContentPage } from '@/components/content-page'

/** Shown to a person whose account has been deactivated, instead of any staff page. */
export default function AccountNotActivePage() {
  return (
    <ContentPage title="Your account is not active">
      <p className="govuk-body">You cannot use the Register of training providers because your account is not active.</p>
      <p className="govuk-body">If you think this is wrong, ask a colleague with access to the service to reactivate your account.</p>
      <p className="govuk-body">
        <Link className="govuk-link" href="/sign-out" prefetch={false}>
          Sign out
        </Link>
      </p>
    </ContentPage>
  )
}
