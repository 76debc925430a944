import { redirect } from 'next/navigation'
import { clearNewApiClientDraft } from '@/lib/api-clients/drafts'

/**
 * Cancel on Client details: forgets the answers, so the next Add API client starts with a blank form, and
 * goes back to the list. It only deletes the caller's own draft cookie, so it needs no check of the person
 * (proxy.ts still sends signed-out visitors to sign in).
 */
export async function GET(): Promise<never> {
  await clearNewApiClientDraft()
  redirect('/api-clients')
}
