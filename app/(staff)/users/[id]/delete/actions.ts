'use server'

import { notFound, redirect } from 'next/navigation'
import { staffAction } from '@/lib/auth/staff-action'
import { systemClock } from '@/lib/clock'
import { setFlash } from '@/lib/flash'
import { deleteUser } from '@/lib/users/load'

/** Deletes a user and their API clients, then shows the list with the banner (the user's page is gone). */
export const deleteUserAction = staffAction(
  async (viewer, userId: string): Promise<void> => {
    const { outcome } = await deleteUser({ id: userId, actor: viewer, at: systemClock() })
    if (outcome === 'not-found') notFound()
    if (outcome === 'self') redirect(`/users/${userId}/delete`)
    await setFlash('user-deleted', '/users')
    redirect('/users')
  },
  { generalAccessOnly: true },
)
