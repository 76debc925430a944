// What PostgreSQL's errors mean, whichever driver (postgres.js or PGlite) reported them and however deep
// Drizzle wrapped them. Here, next to the database, so commands and the HTTP layer both read errors the same way.

/** True when PostgreSQL refused a row because of this unique index (code 23505), whichever driver reported it. */
export function violatesUniqueIndex(error: unknown, index: string): boolean {
  for (let cause: unknown = error; cause instanceof Error || (typeof cause === 'object' && cause !== null);) {
    const fields = cause as { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown }
    if (fields.code === '23505' && (fields.constraint === index || fields.constraint_name === index)) return true
    cause = fields.cause
  }
  return false
}

const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01',
  '57P02',
  '57P03',
  // Connection exceptions. PgBouncer answers with 08P01 when it cannot reach PostgreSQL ("server login has
  // been failing", query_wait_timeout, a server connection lost mid-query): the database is down, not the query wrong.
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '08P01',
  // statement_timeout: the database is too slow to answer now (db/client.ts).
  '57014',
])

/** Whether an error means the database cannot be reached (connection refused, timed out, closed). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause: unknown = error; cause && typeof cause === 'object'; cause = (cause as { cause?: unknown }).cause) {
    const code = (cause as { code?: unknown }).code
    if (typeof code === 'string' && unavailableCodes.has(code)) return true
  }
  return false
}
