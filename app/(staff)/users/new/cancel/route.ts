import { redirect } from 'next/navigation'
import { clearNewUserDraft } from '@/lib/users/drafts'

/**
 * Cancel on User details: forgets the answers, so the next Add user starts with a blank form, and goes back
 * to the list. It only deletes the caller's own draft cookie, so it needs no check of the person.
 */
export async function GET(): Promise<never> {
  await clearNewUserDraft()
  redirect('/users')
}
