'use client'

import Link from 'next/link'
import { useActionState } from 'react'
import { FormErrorSummary } from '@/components/form-error-summary'
import { Button } from '@/components/govuk/button'
import { Input } from '@/components/govuk/input'
import { PageTitle } from '@/components/page-title'
import { hasErrors } from '@/lib/forms/form-state'
import type { RenameState } from './validate-name'

type Props = {
  /** This page's address, the form's action without JavaScript. */
  permalink: string
  action: (previous: RenameState, formData: FormData) => Promise<RenameState>
  initialState: RenameState
  expiryDate: string
  cancelHref: string
}

/** Change client name, step 1: the name to change, and the expiry date that cannot change. Posts without JavaScript. */
export function RenameForm({ action, initialState, expiryDate, cancelHref, permalink }: Props) {
  const [state, formAction] = useActionState(action, initialState, permalink)
  const error = state.errors.name
  return (
    <>
      <PageTitle title="Client details - Change API client" hasErrors={hasErrors(state)} />
      <FormErrorSummary summary={state.summary} />
      <span className="govuk-caption-l">Change API client</span>
      <h1 className="govuk-heading-l">Client details</h1>
      <form action={formAction} noValidate>
        <Input
          id="name"
          name="name"
          autocomplete="off"
          spellcheck={false}
          label={{ text: 'Client name', classes: 'govuk-label--m' }}
          value={state.values.name}
          errorMessage={error ? { text: error } : undefined}
        />
        {/* Shown, not offered: an expiry date cannot change, so a client that needs longer is added anew.
            Sized like the Add form's fields, so the two forms look alike. */}
        <h2 className="govuk-heading-m govuk-!-margin-bottom-2">Expiry date</h2>
        <p className="govuk-body govuk-!-margin-bottom-1">{expiryDate}</p>
        <p className="govuk-hint govuk-!-margin-bottom-6">The expiry date cannot be changed</p>
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
