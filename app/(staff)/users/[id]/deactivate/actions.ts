'use server'

import { notFound, redirect } from 'next/navigation'
import { staffAction } from '@/lib/auth/staff-action'
import { systemClock } from '@/lib/clock'
import { setFlash } from '@/lib/flash'
import { deactivateUser } from '@/lib/users/load'

/**
 * Deactivates a user and revokes their active API clients, then shows the user's page with the banner.
 * Your own account, or a user already inactive (a second click, a direct post), is left as it is.
 */
export const deactivateUserAction = staffAction(
  async (viewer, userId: string): Promise<void> => {
    const { outcome } = await deactivateUser({ id: userId, actor: viewer, at: systemClock() })
    if (outcome === 'not-found') notFound()
    const path = `/users/${userId}`
    if (outcome === 'changed') await setFlash('user-deactivated', path)
    redirect(outcome === 'self' ? `${path}/deactivate` : path)
  },
  { generalAccessOnly: true },
)
