import { redirect } from 'next/navigation'
import { PageTitle } from '@/components/page-title'
import { safeCallbackPath } from '@/lib/auth/callback-url'
import { getSessionState } from '@/lib/auth/current-user'
import { env } from '@/lib/env'
import { SignInForm } from './sign-in-form'

/** Sign in: the email-and-password form (when enabled). */
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl } = await searchParams
  const requested = typeof callbackUrl === 'string' ? safeCallbackPath(callbackUrl) : undefined
  const state = await getSessionState()
  if (state.status === 'signed-in') redirect(requested ?? '/api-clients')

  if (!env().CREDENTIALS_SIGN_IN_ENABLED) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageTitle title="Sign in" />
          <h1 className="govuk-heading-l">Sign in</h1>
          <p className="govuk-body">Signing in with an email address and password is turned off for this service.</p>
        </div>
      </div>
    )
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <SignInForm callbackUrl={requested} />
      </div>
    </div>
  )
}
