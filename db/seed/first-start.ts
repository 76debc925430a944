import { and, count, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import { logger } from '@/lib/logger'
import type { Database } from '../client'
import { users } from '../schema'
import { demoPassword, demoUsers } from './users'

/** Seeds demo users and a register into a database that has no users yet (the embedded database's first start). */
export async function seedIfEmpty(db: Database): Promise<void> {
  const [row] = await db.select({ total: count() }).from(users)
  if ((row?.total ?? 0) > 0) return
  const { seedDatabase } = await import('./index')
  const started = Date.now()
  const summary = await seedDatabase(db, { log: (line) => logger.info(line) })
  logger.info('demo data seeded', { ...summary, milliseconds: Date.now() - started })
}

/**
 * The line `npm run dev` prints once the app can serve: its address and, when the first demo user can sign in
 * with the demo password here (seeded, active, password sign-in on), who to sign in as. A database without
 * the demo data gets the address alone, so the line never offers a sign-in that would fail.
 */
export async function readyMessage(db: Database, address: string, passwordSignIn: boolean): Promise<string> {
  const ready = `Ready: ${address}`
  const demo = demoUsers.find((user) => user.active && !user.apiUser)
  if (!passwordSignIn || !demo) return ready
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${demo.email.toLowerCase()}`, eq(users.active, true), isNotNull(users.passwordHash), isNull(users.deletedAt)))
  return row ? `${ready} — sign in as ${demo.email} / ${demoPassword}` : ready
}
