'use client'

import Link from 'next/link'
import { useActionState, type ReactNode } from 'react'
import { FormErrorSummary } from '@/components/form-error-summary'
import { Button } from '@/components/govuk/button'
import { Input } from '@/components/govuk/input'
import { Radios } from '@/components/govuk/radios'
import { PageTitle } from '@/components/page-title'
import { hasErrors } from '@/lib/forms/form-state'
import { userFieldIds, type UserFormState } from './user-fields'

const message = (text: string | undefined) => (text ? { text } : undefined)

type Props = {
  /** This page's address, the form's action without JavaScript. */
  permalink: string
  action: (previous: UserFormState, formData: FormData) => Promise<UserFormState>
  initialState: UserFormState
  caption: string
  heading: string
  submitText: string
  /** Where Cancel goes: a plain link, so a route handler can forget a draft. */
  cancel: ReactNode
  /** Whether the form asks for the name and email address (not once the person has signed in). */
  asksIdentity: boolean
  /** Whether the form asks "Is the account an API user?" (not about your own account). */
  asksApiUser: boolean
}

/** The user details form, for Add user and Change user details. It posts without JavaScript too. */
export function UserDetailsForm({ action, initialState, caption, heading, submitText, cancel, asksIdentity, asksApiUser, permalink }: Props) {
  const [state, formAction] = useActionState(action, initialState, permalink)
  const { values, errors } = state
  return (
    <>
      <PageTitle title={`${heading} - ${caption}`} hasErrors={hasErrors(state)} />
      <FormErrorSummary summary={state.summary} />
      <span className="govuk-caption-l">{caption}</span>
      <h1 className="govuk-heading-l">{heading}</h1>
      <form action={formAction} noValidate>
        {asksIdentity ? (
          <>
            <Input
              id={userFieldIds.firstName}
              name={userFieldIds.firstName}
              autocomplete="off"
              spellcheck={false}
              label={{ text: 'First name', classes: 'govuk-label--s' }}
              value={values.firstName}
              errorMessage={message(errors.firstName)}
            />
            <Input
              id={userFieldIds.lastName}
              name={userFieldIds.lastName}
              autocomplete="off"
              spellcheck={false}
              label={{ text: 'Last name', classes: 'govuk-label--s' }}
              value={values.lastName}
              errorMessage={message(errors.lastName)}
            />
            <Input
              id={userFieldIds.email}
              name={userFieldIds.email}
              type="email"
              autocomplete="off"
              spellcheck={false}
              label={{ text: 'Email address', classes: 'govuk-label--s' }}
              hint={{ text: 'Must be a Department for Education email address, like name@education.gov.uk' }}
              value={values.email}
              errorMessage={message(errors.email)}
            />
          </>
        ) : null}
        {asksApiUser ? (
          <Radios
            name={userFieldIds.apiUser}
            idPrefix={userFieldIds.apiUser}
            classes="govuk-radios--inline"
            fieldset={{ legend: { text: 'Is the account an API user?', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'API users can only manage the API clients they add, and their own account' }}
            value={values.apiUser}
            errorMessage={message(errors.apiUser)}
            items={[
              { value: 'yes', text: 'Yes' },
              { value: 'no', text: 'No' },
            ]}
          />
        ) : null}
        <div className="govuk-button-group">
          <Button text={submitText} />
          {cancel}
        </div>
      </form>
    </>
  )
}

/** A Cancel link to a page. */
export function CancelLink({ href }: { href: string }) {
  return (
    <Link className="govuk-link" href={href}>
      Cancel
    </Link>
  )
}
