import 'server-only'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { users, type User } from '@/db/schema'

/** A user who has not been deleted, by id; undefined if there is none. */
export async function findUserById(id: string): Promise<User | undefined> {
  const db = await getDb()
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deletedAt)))
  return user
}

/** A user who has not been deleted, by email ignoring case; undefined if there is none. */
export async function findUserByEmail(email: string): Promise<User | undefined> {
  const db = await getDb()
  const [user] = await db
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${email})`, isNull(users.deletedAt)))
  return user
}

/** Records a successful sign-in. */
export async function recordSignIn(id: string, at: Date): Promise<void> {
  const db = await getDb()
  await db.update(users).set({ lastSignedInAt: at }).where(eq(users.id, id))
}
