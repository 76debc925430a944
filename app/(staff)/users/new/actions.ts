'use server'

import { redirect } from 'next/navigation'
import { staffAction } from '@/lib/auth/staff-action'
import { saveNewUserDraft } from '@/lib/users/drafts'
import { readUserFields, userFieldOrder, type UserFormState } from '../user-fields'
import { checkUserDetails } from '../validation'

/**
 * User details, Continue: validates the answers and either shows the form again with its errors and the
 * values as typed, or keeps the answers and goes on to check them.
 */
export const continueToCheckUser = staffAction(
  async (user, _previous: UserFormState, formData: FormData): Promise<UserFormState> => {
    const values = readUserFields(formData)
    const checked = await checkUserDetails(values, { fields: userFieldOrder })
    if (!checked.ok) return checked.state
    await saveNewUserDraft(user.id, values)
    redirect('/users/new/check')
  },
  { generalAccessOnly: true },
)
