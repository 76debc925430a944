import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { endSession } from '@/lib/auth/session'

/**
 * Signing out is a link in the service navigation, so it must work as a GET without JavaScript.
 * It only ever removes the caller's own session, so a forged link can do no more than sign someone out.
 */
export async function GET() {
  await endSession()
  revalidatePath('/', 'layout')
  redirect('/signed-out')
}
