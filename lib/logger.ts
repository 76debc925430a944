import { env } from './env'
import { activeRequestId } from './http/request-id'

type Level = 'debug' | 'info' | 'warn' | 'error'
const order: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 }

/**
 * One JSON line per event on stdout/stderr, for log shippers. Never pass a token, password or
 * session to it: callers log reasons and ids only. A line written while a request is handled carries
 * that request's `request_id` (the X-Request-Id of its response), so one request's lines can be found together.
 */
function write(level: Level, message: string, fields: Record<string, unknown> = {}) {
  const threshold = process.env.LOG_LEVEL ? env().LOG_LEVEL : 'info'
  if (order[level] < order[threshold]) return
  const requestId = activeRequestId()
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...(requestId ? { request_id: requestId } : {}), ...fields })
  if (level === 'error' || level === 'warn') process.stderr.write(`${line}\n`)
  else process.stdout.write(`${line}\n`)
}

export const logger = {
  debug: (message: string, fields?: Record<string, unknown>) => write('debug', message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write('info', message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write('warn', message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write('error', message, fields),
}

/** The parts of an error worth logging: its name and message, and the stack outside production. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) }
  return { error: error.name, detail: error.message, ...(process.env.NODE_ENV === 'production' ? {} : { stack: error.stack }) }
}
