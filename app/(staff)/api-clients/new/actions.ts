'use server'

import { redirect } from 'next/navigation'
import { saveNewApiClientDraft } from '@/lib/api-clients/drafts'
import { staffAction } from '@/lib/auth/staff-action'
import { systemClock } from '@/lib/clock'
import { ukDate } from '@/lib/dates'
import { readClientDetails, type ClientDetailsState } from './fields'
import { checkClientDetails } from './validation'

/**
 * Client details, Continue: validates both answers and either shows the form again with its errors and the
 * values as typed, or keeps the answers in the draft and goes on to check them.
 */
export const continueToCheckAnswers = staffAction(async (user, _previous: ClientDetailsState, formData: FormData): Promise<ClientDetailsState> => {
  const values = readClientDetails(formData)
  const checked = await checkClientDetails(user, values, ukDate(systemClock()))
  if (!checked.ok) return checked.state
  await saveNewApiClientDraft(user.id, values)
  redirect('/api-clients/new/check')
})
