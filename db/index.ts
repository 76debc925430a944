import { sql } from 'drizzle-orm'
import { env } from '@/lib/env'
import { outsideRequest } from '@/lib/http/request-id'
import { onShutdown } from '@/lib/http/shutdown-tasks'
import { logger } from '@/lib/logger'
import { connectionSettings } from './connection-settings'
import { openDatabase, type Database, type DatabaseConnection } from './client'
import { migrateDatabase } from './migrate'

export type { Database, Transaction } from './client'

type Holder = { connection?: Promise<DatabaseConnection> }
// One connection per process, kept on globalThis so Next's dev reloads and the proxy share it.
const holder = globalThis as typeof globalThis & { __registerDatabase?: Holder }
const state: Holder = (holder.__registerDatabase ??= {})

async function prepare(): Promise<DatabaseConnection> {
  const values = env()
  const connection = await openDatabase({ ...connectionSettings(values), pgliteDir: values.PGLITE_DIR, queryTimeoutMs: values.DATABASE_QUERY_TIMEOUT_MS })
  await migrateDatabase(connection)
  if (connection.kind === 'pglite') {
    // The embedded database is for trying the service out: give it demo data on first start.
    const { seedIfEmpty } = await import('./seed/first-start')
    await seedIfEmpty(connection.db)
  }
  // The last step of a shutdown (lib/http/shutdown.ts), after the final writes.
  onShutdown('database', 'the database connection', connection.close)
  logger.info('database ready', { driver: connection.kind })
  return connection
}

/** The process's database connection, opened, migrated (and, when embedded, seeded) on first use. */
export function getConnection(): Promise<DatabaseConnection> {
  // Outside any request: the pool outlives the request that happened to open it (lib/http/request-id.ts).
  state.connection ??= outsideRequest(prepare).catch((error: unknown) => {
    // Let the next request try again rather than keep a failed start-up forever.
    state.connection = undefined
    throw error
  })
  return state.connection
}

/** The Drizzle database for this process. */
export async function getDb(): Promise<Database> {
  return (await getConnection()).db
}

/**
 * A function that takes the database first, with this process's database supplied. The server-only facades
 * (lib/<domain>/load.ts) offer the domain's functions to app/ this way, under the same names, so pages and
 * actions never hold the database and the functions themselves stay usable from scripts (docs/decisions/0017).
 */
export function withProcessDb<A extends unknown[], R>(fn: (db: Database, ...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => fn(await getDb(), ...args)
}

/** Resolves when the database answers `select 1`; opens (and migrates) it on first use, so "answers" means ready to serve. */
export async function pingDatabase(): Promise<void> {
  await (await getDb()).execute(sql`select 1`)
}
