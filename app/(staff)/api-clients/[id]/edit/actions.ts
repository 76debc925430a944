'use server'

import { notFound, redirect } from 'next/navigation'
import { z } from 'zod'
import { findApiClient } from '@/lib/api-clients/load'
import { saveRenameDraft } from '@/lib/api-clients/drafts'
import { staffFormAction } from '@/lib/auth/staff-action'
import { systemClock } from '@/lib/clock'
import { checkedField } from '@/lib/forms/form-schema'
import { formStateWithErrors, readFields } from '@/lib/forms/form-state'
import { validateNewClientName, type RenameValues } from './validate-name'

/**
 * Change client name, step 1: the form's schema checks the new name, which is kept for the check-answers step.
 * Nothing is saved yet. A client that is no longer active sends the person back to its page, even when the form
 * is posted directly.
 */
export const continueRename = staffFormAction(
  {
    read: (formData): RenameValues => readFields(formData, ['name']),
    schema: async (user, clientId: string) => {
      const client = await findApiClient(user, clientId, systemClock())
      if (!client) notFound()
      if (client.status !== 'active') redirect(`/api-clients/${client.id}`)
      const name = checkedField(async (raw) => {
        const result = await validateNewClientName(client, raw)
        return result.ok ? { ok: true, value: result.name } : result
      })
      return z.object({ name }).transform((answers) => ({ clientId: client.id, name: answers.name }))
    },
    stateOf: (values, errors) => formStateWithErrors(values, errors, ['name']),
  },
  async (user, draft, _values, _clientId: string) => {
    await saveRenameDraft(user.id, draft)
    redirect(`/api-clients/${draft.clientId}/check`)
  },
)
