import { and, count, eq, isNull, ne, sql } from 'drizzle-orm'
import type { Database } from '@/db'
import { apiClients, users, type User } from '@/db/schema'
import { activeApiClientAt } from '@/lib/api-clients/status'
import { isUuid } from '@/lib/ids'
import { userMessages, validateEmail, type NameResult } from './user-details'

/** A user who has not been deleted; undefined for an unknown, malformed or deleted id. */
export async function findUser(db: Database, id: string): Promise<User | undefined> {
  if (!isUuid(id)) return undefined
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deletedAt)))
  return user
}

/** Whether another user who has not been deleted has this email address, ignoring case. */
export async function emailInUse(db: Database, email: string, exceptUserId?: string): Promise<boolean> {
  const [row] = await db
    .select({ total: count() })
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${email})`, isNull(users.deletedAt), exceptUserId ? ne(users.id, exceptUserId) : undefined))
  return (row?.total ?? 0) > 0
}

/** How many API clients a user created that are not deleted, and how many of those are active at `now`. */
export async function apiClientCounts(db: Database, userId: string, now: Date): Promise<{ live: number; active: number }> {
  const [row] = await db
    .select({
      live: count(),
      active: sql<number>`count(*) filter (where ${activeApiClientAt(now)})`.mapWith(Number),
    })
    .from(apiClients)
    .where(and(eq(apiClients.createdById, userId), isNull(apiClients.deletedAt)))
  return { live: row?.live ?? 0, active: row?.active ?? 0 }
}

/**
 * An email address checked as the Add and Change forms check it (docs/product/users.md): its format, then that
 * no other user who has not been deleted has it. Changing a user passes their id, so they do not collide with
 * themselves. The database's unique index still has the last word when two saves race.
 */
export async function checkUserEmail(db: Database, raw: string, exceptUserId?: string): Promise<NameResult> {
  const result = validateEmail(raw)
  if (!result.ok) return result
  return (await emailInUse(db, result.value, exceptUserId)) ? { ok: false, message: userMessages.emailTaken } : result
}
