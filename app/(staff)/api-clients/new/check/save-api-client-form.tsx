'use client'

import { redirect } from 'next/navigation'
import { useActionState, type ReactNode } from 'react'
import { ApiClientConfirmation } from '@/components/api-client-confirmation'
import { Button } from '@/components/govuk/button'
import { saveApiClient, type SaveApiClientState } from './actions'
import { CancelDraftLink } from '@/components/cancel-draft-link'

const unsaved: SaveApiClientState = { status: 'unsaved' }

type Props = {
  /** The answers to check (rendered by the page), or nothing when there is no draft. */
  children: ReactNode
  hasAnswers: boolean
  /** Where to go when there are no answers: the client they made, once saved (docs/decisions/0007), else the form. */
  withoutAnswersHref: string
}

/**
 * The Save API client button, and the confirmation that takes the page's place once saved. The confirmation
 * is this form's state, not a page of its own: the token exists only in the response to the save (with or
 * without JavaScript), so a reload, the back button or the address again cannot bring it back.
 */
export function SaveApiClientForm({ children, hasAnswers, withoutAnswersHref }: Props) {
  const [state, formAction] = useActionState(saveApiClient, unsaved, '/api-clients/new/check')
  if (state.status === 'created') return <ApiClientConfirmation name={state.name} token={state.token} />
  // Saving forgets the draft, so the page renders again without answers while showing the confirmation; the
  // redirect therefore lives here, where the saved state is known, rather than in the page.
  if (!hasAnswers) redirect(withoutAnswersHref)
  return (
    <>
      {children}
      <form action={formAction} noValidate>
        <div className="govuk-button-group">
          <Button text="Save API client" preventDoubleClick />
          <CancelDraftLink href="/api-clients/new/cancel" />
        </div>
      </form>
    </>
  )
}
