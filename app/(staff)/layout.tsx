import type { ReactNode } from 'react'
import { requireUser } from '@/lib/auth/current-user'

/** Every staff page needs an active, signed-in person. Pages and actions check their own rules too. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  await requireUser()
  return children
}
