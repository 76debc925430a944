'use server'

import { notFound, redirect } from 'next/navigation'
import { staffAction } from '@/lib/auth/staff-action'
import { systemClock } from '@/lib/clock'
import { setFlash } from '@/lib/flash'
import { reactivateUser } from '@/lib/users/load'

/** Reactivates a user, then shows their page with the banner; a user already active is left as they are. */
export const reactivateUserAction = staffAction(
  async (viewer, userId: string): Promise<void> => {
    const { outcome } = await reactivateUser({ id: userId, actor: viewer, at: systemClock() })
    if (outcome === 'not-found') notFound()
    const path = `/users/${userId}`
    if (outcome === 'changed') await setFlash('user-reactivated', path)
    redirect(path)
  },
  { generalAccessOnly: true },
)
