'use server'

import { notFound, redirect } from 'next/navigation'
import { z } from 'zod'
import { findApiClient } from '@/lib/api-clients/load'
import { saveRegenerateDraft } from '@/lib/api-clients/drafts'
import { overlapChoices } from '@/lib/api-clients/overlap'
import { overlapMissing } from '@/lib/api-clients/regenerate-words'
import { staffFormAction } from '@/lib/auth/staff-action'
import { systemClock } from '@/lib/clock'
import { formStateWithErrors, readFields } from '@/lib/forms/form-state'

/**
 * Regenerate token, step 1: the form's schema checks the chosen overlap, which is kept for the check-answers
 * step. Nothing changes yet. A client that is no longer active (or that the person may not manage: 404) sends
 * them back, even when the form is posted directly.
 */
export const continueRegenerate = staffFormAction(
  {
    read: (formData): { overlap: string } => readFields(formData, ['overlap']),
    schema: async (user, clientId: string) => {
      const client = await findApiClient(user, clientId, systemClock())
      if (!client) notFound()
      if (client.status !== 'active') redirect(`/api-clients/${client.id}`)
      return z
        .object({ overlap: z.enum(overlapChoices, { message: overlapMissing }) })
        .transform(({ overlap }) => ({ clientId: client.id, overlap }))
    },
    stateOf: (values, errors) => formStateWithErrors(values, errors, ['overlap']),
  },
  async (user, { clientId, overlap }, _values, _clientId: string) => {
    await saveRegenerateDraft(user.id, clientId, overlap)
    redirect(`/api-clients/${clientId}/regenerate/check`)
  },
)
