'use client'

import Link from 'next/link'
import { useActionState } from 'react'
import { FormErrorSummary } from '@/components/form-error-summary'
import { Button } from '@/components/govuk/button'
import { InsetText } from '@/components/govuk/inset-text'
import { Radios } from '@/components/govuk/radios'
import { PageTitle } from '@/components/page-title'
import { hasErrors, type FormState } from '@/lib/forms/form-state'

export type OverlapFormState = FormState<{ overlap: string }>

type Props = {
  /** This page's address, the form's action without JavaScript. */
  permalink: string
  action: (previous: OverlapFormState, formData: FormData) => Promise<OverlapFormState>
  initialState: OverlapFormState
  question: string
  hint: string
  /** The choices, each with a hint when the client's expiry cuts it short. */
  choices: Array<{ value: string; text: string; hint?: string }>
  /** Said when an earlier regeneration's old token still works. */
  previousToken?: string
  cancelHref: string
}

/** Regenerate token, step 1: when the current token stops working. Posts without JavaScript. */
export function OverlapForm({ permalink, action, initialState, question, hint, choices, previousToken, cancelHref }: Props) {
  const [state, formAction] = useActionState(action, initialState, permalink)
  const error = state.errors.overlap
  return (
    <>
      <PageTitle title={`${question} - Regenerate token`} hasErrors={hasErrors(state)} />
      <FormErrorSummary summary={state.summary} />
      <span className="govuk-caption-l">Regenerate token</span>
      <form action={formAction} noValidate>
        <Radios
          name="overlap"
          idPrefix="overlap"
          fieldset={{ legend: { text: question, isPageHeading: true, classes: 'govuk-fieldset__legend--l' } }}
          hint={{ text: hint }}
          value={state.values.overlap}
          errorMessage={error ? { text: error } : undefined}
          items={choices.map((choice) => ({ value: choice.value, text: choice.text, hint: choice.hint ? { text: choice.hint } : undefined }))}
        />
        {previousToken ? <InsetText text={previousToken} /> : null}
        <div className="govuk-button-group">
          <Button text="Continue" />
          <Link className="govuk-link" href={cancelHref}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  )
}
