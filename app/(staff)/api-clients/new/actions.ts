'use server'

import { redirect } from 'next/navigation'
import { saveNewApiClientDraft } from '@/lib/api-clients/drafts'
import { staffFormAction } from '@/lib/auth/staff-action'
import { systemClock } from '@/lib/clock'
import { ukDate } from '@/lib/dates'
import { clientDetailsForm } from './validation'

/**
 * Client details, Continue: the form's schema judges both answers, and the form is shown again with its
 * errors and the values as typed, or the answers are kept in the draft and the person goes on to check them.
 */
export const continueToCheckAnswers = staffFormAction(
  clientDetailsForm(() => ukDate(systemClock())),
  async (user, _answers, values) => {
    await saveNewApiClientDraft(user.id, values)
    redirect('/api-clients/new/check')
  },
)
