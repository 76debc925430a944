'use server'

import { notFound, redirect } from 'next/navigation'
import { deleteApiClient } from '@/lib/api-clients/load'
import { staffAction } from '@/lib/auth/staff-action'
import { systemClock } from '@/lib/clock'
import { setFlash } from '@/lib/flash'

/**
 * Soft-deletes a client whatever its status, then shows the list with the success banner. The row and
 * its history stay; the client's pages answer 404 from now on, and so does a second post.
 */
export const deleteApiClientAction = staffAction(async (user, clientId: string): Promise<void> => {
  const { outcome } = await deleteApiClient({ id: clientId, actor: user, at: systemClock() })
  if (outcome === 'not-found') notFound()
  await setFlash('api-client-deleted', '/api-clients')
  redirect('/api-clients')
})
