'use server'

import { notFound, redirect } from 'next/navigation'
import { staffAction } from '@/lib/auth/staff-action'
import { systemClock } from '@/lib/clock'
import { setFlash } from '@/lib/flash'
import { findUser, updateUser } from '@/lib/users/load'
import { readUserFields, type UserFormState } from '../../user-fields'
import { checkUserDetails, emailTakenState } from '../../validation'

/**
 * Change user details, Save changes: validates what the form asked for and saves it. The command locks the
 * user and checks again what may change (the person may have signed in meanwhile); the answers the form did
 * not ask for are never read from the post. Saving the same answers goes back without a banner.
 */
export const updateUserAction = staffAction(
  async (viewer, userId: string, _previous: UserFormState, formData: FormData): Promise<UserFormState> => {
    const user = await findUser(userId)
    if (!user) notFound()
    const path = `/users/${user.id}`
    const values = readUserFields(formData)
    const fields = [
      ...(user.lastSignedInAt ? [] : (['firstName', 'lastName', 'email'] as const)),
      ...(user.id === viewer.id ? [] : (['apiUser'] as const)),
    ]
    const checked = await checkUserDetails(values, { fields, exceptUserId: user.id })
    if (!checked.ok) return checked.state
    const result = await updateUser({ id: user.id, details: checked.details, actor: viewer, at: systemClock() })
    if (result.outcome === 'not-found') notFound()
    if (result.outcome === 'email-taken') return emailTakenState(values)
    if (result.outcome === 'changed') await setFlash('user-updated', path)
    // 'self' and 'signed-in-before' mean the page was out of date: the user's page shows what is true now.
    redirect(path)
  },
  { generalAccessOnly: true },
)
