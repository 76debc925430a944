import { resolve } from 'node:path'
import type { DatabaseConnection } from './client'

/** Committed drizzle-kit migrations, found from the project root (the working folder of every entry point). */
export const migrationsFolder = resolve(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations')

// Any constant works; it only has to be the same for every instance of the service.
const migrationLockKey = 7_234_001

/**
 * Applies pending migrations (from `folder`: tests apply only the first few, to upgrade from there). On PostgreSQL an advisory lock makes instances starting together take
 * turns; PGlite belongs to one process, so it needs none.
 */
export async function migrateDatabase(connection: DatabaseConnection, folder = migrationsFolder): Promise<void> {
  if (connection.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator')
    await migrate(connection.db as never, { migrationsFolder: folder })
    return
  }
  const { default: postgres } = await import('postgres')
  const { drizzle } = await import('drizzle-orm/postgres-js')
  const { migrate } = await import('drizzle-orm/postgres-js/migrator')
  // One dedicated connection, so the lock and the migration share a session: a direct one, since through a
  // transaction-pooling PgBouncer the lock's session could be another client's a moment later.
  // Named statements only where the direct URL is not the pooler itself (DATABASE_POOLED with no direct URL).
  const single = postgres(connection.directUrl, { max: 1, onnotice: () => {}, prepare: !(connection.pooled && connection.directUrl === connection.url) })
  try {
    await single`select pg_advisory_lock(${migrationLockKey})`
    await migrate(drizzle(single), { migrationsFolder: folder })
  } finally {
    await single`select pg_advisory_unlock(${migrationLockKey})`.catch(() => {})
    await single.end({ timeout: 5 })
  }
}
