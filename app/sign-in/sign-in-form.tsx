'use client'

import { useActionState, type ReactNode } from 'react'
import { FormErrorSummary } from '@/components/form-error-summary'
import { Button } from '@/components/govuk/button'
import { Input } from '@/components/govuk/input'
import { PasswordInput } from '@/components/govuk/password-input'
import { PageTitle } from '@/components/page-title'
import { hasErrors, initialFormState, type ErrorSummaryItem } from '@/lib/forms/form-state'
import { signInWithPassword, type SignInState } from './actions'

const message = (text: string | undefined) => (text ? { text } : undefined)

/**
 * The email-and-password sign-in form; it posts without JavaScript too. `children` go between the heading
 * and the form (the DfE Sign-in button); `problems` are errors the page arrived with (a failed DfE
 * Sign-in), shown until the form reports its own.
 */
export function SignInForm({ callbackUrl, problems = [], children }: { callbackUrl?: string; problems?: ErrorSummaryItem[]; children?: ReactNode }) {
  // This page's address as the form's action (React would write action=""), keeping where to go after signing in.
  const permalink = callbackUrl ? `/sign-in?${new URLSearchParams({ callbackUrl })}` : '/sign-in'
  const [state, formAction] = useActionState<SignInState, FormData>(signInWithPassword, initialFormState({ email: '', password: '' }), permalink)
  const summary = hasErrors(state) ? state.summary : problems
  return (
    <>
      <PageTitle title="Sign in" hasErrors={summary.length > 0} />
      <FormErrorSummary summary={summary} />
      <h1 className="govuk-heading-l">Sign in</h1>
      {children}
      <form action={formAction} noValidate>
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <Input
          id="email"
          name="email"
          type="email"
          autocomplete="email"
          spellcheck={false}
          label={{ text: 'Email address', classes: 'govuk-label--s' }}
          value={state.values.email}
          errorMessage={message(state.errors.email)}
        />
        <PasswordInput
          id="password"
          name="password"
          autocomplete="current-password"
          label={{ text: 'Password', classes: 'govuk-label--s' }}
          errorMessage={message(state.errors.password)}
        />
        <Button text="Sign in" />
      </form>
    </>
  )
}
