'use server'

import { redirect } from 'next/navigation'
import { staffAction } from '@/lib/auth/staff-action'
import { systemClock } from '@/lib/clock'
import { setFlash } from '@/lib/flash'
import { createUser } from '@/lib/users/load'
import { clearNewUserDraft, readNewUserDraft } from '@/lib/users/drafts'
import { userFieldOrder } from '../../user-fields'
import { checkUserDetails } from '../../validation'

/**
 * Check your answers, Save user: judges the draft again and, if anything is wrong (the address was taken
 * meanwhile), sends the person back to the form, which shows why. A second submission finds no draft and
 * goes to the list without adding anyone twice.
 */
export const saveUser = staffAction(
  async (viewer): Promise<void> => {
    const draft = await readNewUserDraft(viewer.id)
    if (!draft) redirect('/users')
    const checked = await checkUserDetails(draft, { fields: userFieldOrder })
    if (!checked.ok) redirect('/users/new')
    const result = await createUser({ details: checked.details, actor: viewer, at: systemClock() })
    // The database's unique index has the last word when two saves race; the form then says the address is in use.
    if (result.outcome === 'email-taken') redirect('/users/new')
    await clearNewUserDraft()
    await setFlash('user-added', '/users')
    redirect('/users')
  },
  { generalAccessOnly: true },
)
