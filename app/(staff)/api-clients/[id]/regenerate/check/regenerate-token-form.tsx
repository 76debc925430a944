'use client'

import Link from 'next/link'
import { redirect } from 'next/navigation'
import { useActionState, type ReactNode } from 'react'
import { ApiClientConfirmation } from '@/components/api-client-confirmation'
import { Button } from '@/components/govuk/button'
import { stoppedSentence } from '@/lib/api-clients/regenerate-words'
import type { RegenerateState } from './actions'

const unsaved: RegenerateState = { status: 'unsaved' }

type Props = {
  clientId: string
  /** regenerateToken bound to this client. */
  action: (previous: RegenerateState, formData: FormData) => Promise<RegenerateState>
  /** The answers to check (rendered by the page), or nothing once they are used. */
  children: ReactNode
  hasAnswers: boolean
}

/**
 * The Regenerate token button, and the confirmation that takes the page's place once done: the token exists
 * only in the response to the action (with or without JavaScript), so a reload, the back button or the
 * address again cannot bring it back (docs/decisions/0007, 0018).
 */
export function RegenerateTokenForm({ clientId, action, children, hasAnswers }: Props) {
  const path = `/api-clients/${clientId}`
  const [state, formAction] = useActionState(action, unsaved, `${path}/regenerate/check`)
  if (state.status === 'regenerated') {
    return (
      <ApiClientConfirmation name={state.name} token={state.token} title="New token created" back={{ href: path, text: 'Back to API client' }}>
        <p className="govuk-body">{stoppedSentence(new Date(state.previousTokenStopsAt), new Date(state.at))}</p>
      </ApiClientConfirmation>
    )
  }
  // Regenerating marks the answer used, so the page renders again without it while showing the confirmation;
  // the redirect lives here, where the outcome is known, rather than in the page.
  if (!hasAnswers) redirect(path)
  return (
    <>
      {children}
      <form action={formAction} noValidate>
        <div className="govuk-button-group">
          <Button text="Regenerate token" preventDoubleClick />
          <Link className="govuk-link" href={path}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  )
}
