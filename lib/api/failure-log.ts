import { describeError } from '@/lib/logger'

/**
 * What to log about a failure. A failed Drizzle query's message holds its SQL and parameters, and the
 * token lookup's parameter is the token's hash, which must never reach a log: log the driver's own
 * error (the cause) instead, and its code (ECONNREFUSED, 57P01, …).
 */
export function describeFailure(error: unknown): Record<string, unknown> {
  const failedQuery = error instanceof Error && 'query' in error && 'params' in error
  const reported = failedQuery ? (error.cause ?? new Error('A database query failed')) : error
  const code = typeof reported === 'object' && reported !== null && 'code' in reported ? reported.code : undefined
  return { ...describeError(reported), ...(typeof code === 'string' ? { code } : {}), ...(failedQuery ? { failedQuery: true } : {}) }
}
