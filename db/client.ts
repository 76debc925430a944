import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type { Sql } from 'postgres'
import { withDeadlines } from './deadlines'
import * as schema from './schema'

/** The Drizzle database, whichever driver is underneath (postgres.js or PGlite). */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>

/** A transaction has the same query API as the database. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]

export type DatabaseConnection =
  | { kind: 'postgres'; db: Database; sql: Sql; url: string; directUrl: string; pooled: boolean; close: () => Promise<void> }
  | { kind: 'pglite'; db: Database; pglite: PGlite; close: () => Promise<void> }

export type ConnectionOptions = {
  url?: string
  pgliteDir?: string
  maxConnections?: number
  /**
   * PostgreSQL only: the longest a query may run (statement_timeout, set on every connection) and, a little
   * longer, the longest a query waits for any answer before it fails (db/deadlines.ts). The service sets it;
   * command-line tools (migrations, the seed) leave it unset and may take as long as they need.
   */
  queryTimeoutMs?: number
  /**
   * PostgreSQL only: a URL that reaches PostgreSQL itself, not a transaction-pooling PgBouncer, for what needs a
   * session of its own (LISTEN, session advisory locks). Defaults to `url`.
   */
  directUrl?: string
  /** PostgreSQL only: `url` is a transaction-pooling PgBouncer, so no session state (docs/decisions/0022). */
  pooled?: boolean
}

/** How much longer than statement_timeout a query waits before the connection counts as dead. */
const deadlineMarginMs = 2_000

/**
 * Server-side limits for every session: a slow query is cancelled, and a transaction left open (its client gone
 * quiet) is ended, releasing its locks. Sent as startup parameters, which PgBouncer refuses ("unsupported startup
 * parameter"): behind it they are set on the role or database instead (docs/deployment.md), and the client-side
 * deadline (db/deadlines.ts) still applies.
 */
function serverLimits(timeout: number | undefined, pooled: boolean): Record<string, number> {
  if (timeout === undefined || pooled) return {}
  return { statement_timeout: timeout, idle_in_transaction_session_timeout: timeout + deadlineMarginMs }
}

/**
 * Opens a connection: postgres.js when a URL is given, otherwise PGlite persisted in a folder
 * (or in memory for `memory://`). Drivers are imported lazily so a deployment never loads PGlite.
 */
export async function openDatabase(options: ConnectionOptions): Promise<DatabaseConnection> {
  if (options.url) {
    const { default: postgres } = await import('postgres')
    const { drizzle } = await import('drizzle-orm/postgres-js')
    const timeout = options.queryTimeoutMs
    const pooled = options.pooled ?? false
    const raw = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      // Fail fast when the server is down so API requests can answer 503 instead of hanging.
      connect_timeout: 5,
      // Through PgBouncer each transaction may run on another server session, where a statement prepared on
      // the last one does not exist: every query is sent unnamed instead.
      prepare: !pooled,
      connection: serverLimits(timeout, pooled),
    })
    const sql = timeout === undefined ? raw : withDeadlines(raw, { queryMs: timeout + deadlineMarginMs })
    const db = drizzle(sql, { schema }) as unknown as Database
    const directUrl = options.directUrl ?? options.url
    return { kind: 'postgres', db, sql, url: options.url, directUrl, pooled, close: () => raw.end({ timeout: 5 }) }
  }
  const { PGlite } = await import('@electric-sql/pglite')
  const { drizzle } = await import('drizzle-orm/pglite')
  const dir = options.pgliteDir ?? 'memory://'
  if (!dir.startsWith('memory://')) {
    // PGlite creates its own folder but not the folders above it.
    mkdirSync(dirname(resolve(/*turbopackIgnore: true*/ dir)), { recursive: true })
  }
  const pglite = new PGlite(dir)
  await pglite.waitReady
  const db = drizzle(pglite, { schema }) as unknown as Database
  return { kind: 'pglite', db, pglite, close: () => pglite.close() }
}
