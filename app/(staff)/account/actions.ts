'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { endSession } from '@/lib/auth/session'
import { staffAction } from '@/lib/auth/staff-action'

/**
 * "Sign out everywhere": ends every session of the signed-in person, in this browser and any other
 * (and any copied cookie), then shows the signed-out page.
 */
export const signOutEverywhereAction = staffAction(async (): Promise<void> => {
  await endSession()
  revalidatePath('/', 'layout')
  redirect('/signed-out')
})
