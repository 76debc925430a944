import { redirect } from 'next/navigation'
import { requireUser } from '@/lib/auth/current-user'

/** The service's front door: staff land on their API clients. */
export default async function Home() {
  await requireUser()
  redirect('/api-clients')
}
