import { sql } from 'drizzle-orm'
import { hashPassword } from '../../lib/passwords'
import type { Database } from '../client'
import { users } from '../schema'

/** The one password of every demo user, for development, demos and tests only (listed in the README). */
export const demoPassword = 'Register-Demo-2026'

export type DemoUser = { firstName: string; lastName: string; email: string; apiUser: boolean; active: boolean }

/** The demo people: general-access staff, API-only users, and one inactive person who cannot sign in. */
export const demoUsers: readonly DemoUser[] = [
  { firstName: 'Anne', lastName: 'Wilson', email: 'anne.wilson@education.gov.uk', apiUser: false, active: true },
  { firstName: 'Mohammed', lastName: 'Khan', email: 'mohammed.khan@education.gov.uk', apiUser: false, active: true },
  { firstName: 'Priya', lastName: 'Shah', email: 'priya.shah@education.gov.uk', apiUser: true, active: true },
  { firstName: 'Tom', lastName: 'Baker', email: 'tom.baker@education.gov.uk', apiUser: true, active: true },
  { firstName: 'Rhys', lastName: 'Evans', email: 'rhys.evans@education.gov.uk', apiUser: false, active: false },
]

const lowerEmails = demoUsers.map((user) => user.email.toLowerCase())

async function countDemoUsers(db: Database): Promise<number> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      sql`lower(${users.email}) in (${sql.join(
        lowerEmails.map((email) => sql`${email}`),
        sql`, `,
      )})`,
    )
  return rows.length
}

/**
 * Adds the demo users that are missing, matching on email ignoring case. People already there are left
 * as they are, so re-seeding never resets a password or reactivates someone.
 */
export async function seedDemoUsers(db: Database, now: Date): Promise<{ users: number; inserted: number }> {
  if ((await countDemoUsers(db)) === demoUsers.length) return { users: demoUsers.length, inserted: 0 }
  // scrypt is slow on purpose, so hash once and share the hash: the demo password is public anyway.
  const passwordHash = await hashPassword(demoPassword)
  const inserted = await db
    .insert(users)
    .values(demoUsers.map((user) => ({ ...user, passwordHash, createdAt: now, updatedAt: now })))
    .onConflictDoNothing()
    .returning({ id: users.id })
  return { users: await countDemoUsers(db), inserted: inserted.length }
}
