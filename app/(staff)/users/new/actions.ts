'use server'

import { redirect } from 'next/navigation'
import { staffFormAction } from '@/lib/auth/staff-action'
import { saveNewUserDraft } from '@/lib/users/drafts'
import { readUserFields, userFieldOrder } from '../user-fields'
import { userDetailsSchema, userDetailsState } from '../validation'

/**
 * User details, Continue: the form's schema judges the answers, and the form is shown again with its errors
 * and the values as typed, or the answers are kept and the person goes on to check them.
 */
export const continueToCheckUser = staffFormAction(
  { read: readUserFields, schema: async () => userDetailsSchema(userFieldOrder), stateOf: userDetailsState },
  async (user, _answers, values) => {
    await saveNewUserDraft(user.id, values)
    redirect('/users/new/check')
  },
  { generalAccessOnly: true },
)
