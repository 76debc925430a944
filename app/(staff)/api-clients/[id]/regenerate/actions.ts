'use server'

import { notFound, redirect } from 'next/navigation'
import { getDb } from '@/db'
import { findApiClient } from '@/lib/api-clients/details'
import { saveRegenerateDraft } from '@/lib/api-clients/drafts'
import { isOverlapChoice } from '@/lib/api-clients/overlap'
import { overlapMissing } from '@/lib/api-clients/regenerate-words'
import { staffAction } from '@/lib/auth/staff-action'
import { systemClock } from '@/lib/clock'
import { formStateWithErrors, readFields } from '@/lib/forms/form-state'
import type { OverlapFormState } from './overlap-form'

/**
 * Regenerate token, step 1: keeps the chosen overlap for the check-answers step. Nothing changes yet. A
 * client that is no longer active (or that the person may not manage: 404) sends them back, even when the
 * form is posted directly.
 */
export const continueRegenerate = staffAction(
  async (user, clientId: string, _previous: OverlapFormState, formData: FormData): Promise<OverlapFormState> => {
    const client = await findApiClient(await getDb(), user, clientId, systemClock())
    if (!client) notFound()
    if (client.status !== 'active') redirect(`/api-clients/${client.id}`)
    const { overlap } = readFields(formData, ['overlap'])
    if (!isOverlapChoice(overlap)) return formStateWithErrors({ overlap: '' }, { overlap: overlapMissing }, ['overlap'])
    await saveRegenerateDraft(user.id, client.id, overlap)
    redirect(`/api-clients/${client.id}/regenerate/check`)
  },
)
