import { count } from 'drizzle-orm'
import { logger } from '@/lib/logger'
import type { Database } from '../client'
import { users } from '../schema'

/** Seeds demo users and a register into a database that has no users yet (the embedded database's first start). */
export async function seedIfEmpty(db: Database): Promise<void> {
  const [row] = await db.select({ total: count() }).from(users)
  if ((row?.total ?? 0) > 0) return
  const { seedDatabase } = await import('./index')
  const started = Date.now()
  const summary = await seedDatabase(db, { log: (line) => logger.info(line) })
  logger.info('demo data seeded', { ...summary, milliseconds: Date.now() - started })
}
