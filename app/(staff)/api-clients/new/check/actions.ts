'use server'

import { redirect } from 'next/navigation'
import { createApiClient } from '@/lib/api-clients/load'
import { markNewApiClientSaved, readNewApiClientDraft, readSavedApiClientId } from '@/lib/api-clients/drafts'
import { tokenSettings } from '@/lib/api-clients/token-settings'
import { staffAction } from '@/lib/auth/staff-action'
import { systemClock } from '@/lib/clock'
import { ukDate } from '@/lib/dates'
import { checkClientDetails } from '../validation'

/**
 * What Save API client returns. The token travels only in this action's response, to be shown once by the
 * form that posted it: never in a URL, a cookie or the database, so no later request can show it again.
 */
export type SaveApiClientState = { status: 'unsaved' } | { status: 'created'; name: string; token: string }

/**
 * Check your answers, Save API client: judges the draft again (the date may have left the allowed range
 * overnight, the name may have been taken meanwhile) and, if anything is wrong, sends the person back to
 * the form, which shows the errors. Otherwise it creates the client and replaces the draft with the new client's id, so a
 * resubmission or a revisit goes to the client's page and finds nothing to save.
 */
export const saveApiClient = staffAction(async (user, _previous: SaveApiClientState, _formData: FormData): Promise<SaveApiClientState> => {
  const draft = await readNewApiClientDraft(user.id)
  if (!draft) {
    // Already saved (a reload of the confirmation resubmits the form): go to that client, never a second token.
    const savedClientId = await readSavedApiClientId(user.id)
    redirect(savedClientId ? `/api-clients/${savedClientId}` : '/api-clients/new')
  }
  const now = systemClock()
  const checked = await checkClientDetails(user, draft, ukDate(now))
  if (!checked.ok) redirect('/api-clients/new')
  const result = await createApiClient({
    name: checked.name,
    expiresOn: checked.expiresOn,
    allowedAddresses: checked.allowedAddresses,
    creator: user,
    at: now,
    tokens: tokenSettings(),
  })
  // The database's unique index has the last word when two saves race; the form then says the name is taken.
  if (result.outcome === 'name-taken') redirect('/api-clients/new')
  await markNewApiClientSaved(user.id, result.client.id)
  return { status: 'created', name: result.client.name, token: result.token }
})
