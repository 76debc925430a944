'use client'

import { useActionState } from 'react'
import { AllowedAddressesField } from '@/components/allowed-addresses-field'
import { FormErrorSummary } from '@/components/form-error-summary'
import { Button } from '@/components/govuk/button'
import { DateInput } from '@/components/govuk/date-input'
import { Input } from '@/components/govuk/input'
import { PageTitle } from '@/components/page-title'
import { hasErrors } from '@/lib/forms/form-state'
import { continueToCheckAnswers } from './actions'
import { clientNameId, expiryDateId, type ClientDetailsState } from './fields'
import { CancelDraftLink } from '@/components/cancel-draft-link'

const message = (text: string | undefined) => (text ? { text } : undefined)

type Props = { initialState: ClientDetailsState; expiryDateHint: string }

/** Add API client, step 1: the client's name and expiry date. It posts without JavaScript too. */
export function ClientDetailsForm({ initialState, expiryDateHint }: Props) {
  const [state, formAction] = useActionState(continueToCheckAnswers, initialState, '/api-clients/new')
  const { values, errors } = state
  // The date's one message is stored on each part it marks (see validation.ts).
  const dateError = errors.day ?? errors.month ?? errors.year
  return (
    <>
      <PageTitle title="Client details - Add API client" hasErrors={hasErrors(state)} />
      <FormErrorSummary summary={state.summary} />
      <span className="govuk-caption-l">Add API client</span>
      <h1 className="govuk-heading-l">Client details</h1>
      <form action={formAction} noValidate>
        <Input
          id={clientNameId}
          name={clientNameId}
          autocomplete="off"
          spellcheck={false}
          label={{ text: 'Client name', classes: 'govuk-label--m' }}
          value={values.name}
          errorMessage={message(errors.name)}
        />
        <DateInput
          id={expiryDateId}
          namePrefix={expiryDateId}
          fieldset={{ legend: { text: 'Expiry date', classes: 'govuk-fieldset__legend--m' } }}
          hint={{ text: expiryDateHint }}
          errorMessage={message(dateError)}
          day={{ name: 'day', value: values.day, error: Boolean(errors.day) }}
          month={{ name: 'month', value: values.month, error: Boolean(errors.month) }}
          year={{ name: 'year', value: values.year, error: Boolean(errors.year) }}
        />
        <AllowedAddressesField value={values.allowedAddresses} error={errors.allowedAddresses} />
        <div className="govuk-button-group">
          <Button text="Continue" />
          <CancelDraftLink href="/api-clients/new/cancel" />
        </div>
      </form>
    </>
  )
}
