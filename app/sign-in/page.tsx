import type { ReactNode } from 'react'
import { redirect } from 'next/navigation'
import { FormErrorSummary } from '@/components/form-error-summary'
import { PageTitle } from '@/components/page-title'
import { safeCallbackPath } from '@/lib/auth/callback-url'
import { getSessionState } from '@/lib/auth/current-user'
import { dfeSignInSettings, env } from '@/lib/env'
import { DfeSignInStart, dfeSignInStartId } from './dfe-sign-in-start'
import { SignInForm } from './sign-in-form'

type SearchParams = { callbackUrl?: string | string[]; error?: string | string[] }

function Column({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">{children}</div>
    </div>
  )
}

/** Sign in: the DfE Sign-in button (when configured) and the email-and-password form (when enabled). */
export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { callbackUrl, error } = await searchParams
  const requested = typeof callbackUrl === 'string' ? safeCallbackPath(callbackUrl) : undefined
  const state = await getSessionState()
  if (state.status === 'signed-in') redirect(requested ?? '/api-clients')

  const dfeSignIn = dfeSignInSettings() !== undefined
  const credentials = env().CREDENTIALS_SIGN_IN_ENABLED
  // next-auth sends people back here with ?error=<code> when DfE Sign-in failed (cancelled, provider down,
  // state mismatch…): they are told it did not work and can try again; the reason is in the logs.
  const problems =
    dfeSignIn && error !== undefined ? [{ href: `#${dfeSignInStartId}`, text: 'Sign in with DfE Sign-in did not work. Try again' }] : []
  const start = dfeSignIn ? <DfeSignInStart callbackUrl={requested} /> : null

  if (credentials) {
    return (
      <Column>
        <SignInForm callbackUrl={requested} problems={problems}>
          {start ? (
            <>
              {start}
              <h2 className="govuk-heading-m">Sign in with your email address and password</h2>
            </>
          ) : null}
        </SignInForm>
      </Column>
    )
  }
  return (
    <Column>
      <PageTitle title="Sign in" hasErrors={problems.length > 0} />
      <FormErrorSummary summary={problems} />
      <h1 className="govuk-heading-l">Sign in</h1>
      {start ?? (
        <p className="govuk-body">
          You cannot sign in at the moment: DfE Sign-in is not set up for this service, and signing in with an email address and password is turned
          off.
        </p>
      )}
    </Column>
  )
}
