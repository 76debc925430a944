'use server'

import { notFound, redirect } from 'next/navigation'
import { findApiClient } from '@/lib/api-clients/load'
import { saveRenameDraft } from '@/lib/api-clients/drafts'
import { staffAction } from '@/lib/auth/staff-action'
import { systemClock } from '@/lib/clock'
import { readFields } from '@/lib/forms/form-state'
import { renameFormState, validateNewClientName, type RenameState } from './validate-name'

/**
 * Change client name, step 1: checks the new name and keeps it for the check-answers step. Nothing is
 * saved yet. A client that is no longer active sends the person back to its page, even when the form is
 * posted directly.
 */
export const continueRename = staffAction(async (user, clientId: string, _previous: RenameState, formData: FormData): Promise<RenameState> => {
  const client = await findApiClient(user, clientId, systemClock())
  if (!client) notFound()
  if (client.status !== 'active') redirect(`/api-clients/${client.id}`)
  const { name } = readFields(formData, ['name'])
  const result = await validateNewClientName(client, name)
  if (!result.ok) return renameFormState(name, result)
  await saveRenameDraft(user.id, { clientId: client.id, name: result.name })
  redirect(`/api-clients/${client.id}/check`)
})
