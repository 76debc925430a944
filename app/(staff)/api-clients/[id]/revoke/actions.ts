'use server'

import { notFound, redirect } from 'next/navigation'
import { revokeApiClient } from '@/lib/api-clients/load'
import { staffAction } from '@/lib/auth/staff-action'
import { systemClock } from '@/lib/clock'
import { setFlash } from '@/lib/flash'

/**
 * Revokes a client, then shows its page with the success banner. The command locks the row and checks
 * the person may manage it and that it is still active: a client already revoked or expired (a second
 * click, a direct post) is left as it is and its page shown without a banner.
 */
export const revokeApiClientAction = staffAction(async (user, clientId: string): Promise<void> => {
  const { outcome } = await revokeApiClient({ id: clientId, actor: user, at: systemClock() })
  if (outcome === 'not-found') notFound()
  const path = `/api-clients/${clientId}`
  if (outcome === 'changed') await setFlash('api-client-revoked', path)
  redirect(path)
})
