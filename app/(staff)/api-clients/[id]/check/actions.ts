'use server'

import { notFound, redirect } from 'next/navigation'
import { findApiClient, renameApiClient } from '@/lib/api-clients/load'
import { clearRenameDraft, readRenameDraft } from '@/lib/api-clients/drafts'
import { staffAction } from '@/lib/auth/staff-action'
import { systemClock } from '@/lib/clock'
import { setFlash } from '@/lib/flash'
import { validateNewClientName } from '../edit/validate-name'

/**
 * Change client name, step 2: saves the name kept from step 1 (never a value posted with this form).
 * The command locks the row and re-checks visibility and status, and records the change in the same
 * transaction; an unchanged name records nothing and so reports nothing.
 */
export const saveRename = staffAction(async (user, clientId: string): Promise<void> => {
  const client = await findApiClient(user, clientId, systemClock())
  if (!client) notFound()
  const path = `/api-clients/${client.id}`
  if (client.status !== 'active') redirect(path)
  const draft = await readRenameDraft(user.id, client.id)
  if (draft === undefined) redirect(`${path}/edit`)
  // The name may have been taken by another of the creator's clients since step 1: step 1 then shows why.
  const checked = await validateNewClientName(client, draft)
  if (!checked.ok) redirect(`${path}/edit?from=check`)

  const { outcome } = await renameApiClient({ id: client.id, name: checked.name, actor: user, at: systemClock() })
  if (outcome === 'not-found') notFound()
  if (outcome === 'name-taken') redirect(`${path}/edit?from=check`)
  await clearRenameDraft()
  if (outcome === 'changed') await setFlash('api-client-updated', path)
  redirect(path)
})
