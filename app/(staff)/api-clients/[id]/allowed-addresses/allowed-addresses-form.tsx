'use client'

import Link from 'next/link'
import { useActionState } from 'react'
import { AllowedAddressesField, allowedAddressesId } from '@/components/allowed-addresses-field'
import { FormErrorSummary } from '@/components/form-error-summary'
import { Button } from '@/components/govuk/button'
import { PageTitle } from '@/components/page-title'
import { hasErrors } from '@/lib/forms/form-state'
import type { AllowedAddressesState } from './actions'

type Props = {
  /** This page's address, the form's action without JavaScript. */
  permalink: string
  action: (previous: AllowedAddressesState, formData: FormData) => Promise<AllowedAddressesState>
  initialState: AllowedAddressesState
  clientName: string
  cancelHref: string
}

/** Change allowed IP addresses: one question, its label the page heading. Posts without JavaScript. */
export function AllowedAddressesForm({ action, initialState, clientName, cancelHref, permalink }: Props) {
  const [state, formAction] = useActionState(action, initialState, permalink)
  return (
    <>
      <PageTitle title="Allowed IP addresses - Change API client" hasErrors={hasErrors(state)} />
      <FormErrorSummary summary={state.summary} />
      <span className="govuk-caption-l">{clientName}</span>
      <form action={formAction} noValidate>
        <AllowedAddressesField value={state.values[allowedAddressesId]} error={state.errors[allowedAddressesId]} asPageHeading />
        <div className="govuk-button-group">
          <Button text="Save changes" />
          <Link className="govuk-link" href={cancelHref}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  )
}
