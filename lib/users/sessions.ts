import { eq } from 'drizzle-orm'
import type { Database } from '@/db'
import { users } from '@/db/schema'
import { isUuid } from '@/lib/ids'

/**
 * Ends every session of a person: session cookies issued before `at` are refused from now on
 * (lib/auth/current-user.ts), wherever they were copied to. Not a change to the user's details, so
 * it writes no revision. Returns whether there was such a person.
 */
export async function endSessionsOf(db: Database, input: { id: string; at: Date }): Promise<boolean> {
  if (!isUuid(input.id)) return false
  const ended = await db.update(users).set({ sessionsEndedAt: input.at }).where(eq(users.id, input.id)).returning({ id: users.id })
  return ended.length > 0
}
