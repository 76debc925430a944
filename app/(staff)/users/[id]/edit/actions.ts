'use server'

import { notFound, redirect } from 'next/navigation'
import { staffFormAction } from '@/lib/auth/staff-action'
import { systemClock } from '@/lib/clock'
import { setFlash } from '@/lib/flash'
import { findUser, updateUser } from '@/lib/users/load'
import { readUserFields } from '../../user-fields'
import { emailTakenState, userDetailsSchema, userDetailsState } from '../../validation'

/**
 * Change user details, Save changes: the schema asks only what the form asked for (the answers it did not ask
 * for are never read from the post) and saves them. The command locks the user and checks again what may change
 * (the person may have signed in meanwhile). Saving the same answers goes back without a banner.
 */
export const updateUserAction = staffFormAction(
  {
    read: readUserFields,
    schema: async (viewer, userId: string) => {
      const user = await findUser(userId)
      if (!user) notFound()
      const fields = [
        ...(user.lastSignedInAt ? [] : (['firstName', 'lastName', 'email'] as const)),
        ...(user.id === viewer.id ? [] : (['apiUser'] as const)),
      ]
      return userDetailsSchema(fields, user.id).transform((details) => ({ id: user.id, details }))
    },
    stateOf: userDetailsState,
  },
  async (viewer, { id, details }, values, _userId: string) => {
    const path = `/users/${id}`
    const result = await updateUser({ id, details, actor: viewer, at: systemClock() })
    if (result.outcome === 'not-found') notFound()
    if (result.outcome === 'email-taken') return emailTakenState(values)
    if (result.outcome === 'changed') await setFlash('user-updated', path)
    // 'self' and 'signed-in-before' mean the page was out of date: the user's page shows what is true now.
    redirect(path)
  },
  { generalAccessOnly: true },
)
