import { formatWithOptions } from 'node:util'
import { describeFailure } from '@/lib/api/failure-log'
import { logger } from '@/lib/logger'

// Errors already logged by onRequestError (lib/http/request-errors.ts): Next logs each one again just after.
const reported = new WeakSet<object>()

/** Notes that an error has been logged with its request, so Next's own copy of it is not logged twice. */
export function markReported(error: unknown): void {
  if (typeof error === 'object' && error !== null) reported.add(error)
}

const ansi = /\u001b\[[0-9;]*[A-Za-z]/g

/**
 * One console call as the fields of one JSON log line. Errors are described by describeFailure: a failed
 * query's SQL and parameters (typed email addresses, tokens' hashes) are left out. Everything else is
 * formatted as console would, then kept inside the JSON string, so no input can start a line of its own.
 */
export function consoleFields(args: unknown[]): { message: string; fields: Record<string, unknown> } {
  const errors = args.filter((arg): arg is Error => arg instanceof Error)
  const text = args.filter((arg) => !(arg instanceof Error))
  const message = formatWithOptions({ colors: false, breakLength: Infinity }, ...text)
    .replace(ansi, '')
    .trim()
  const error = errors[0]
  const fields = error ? describeFailure(error) : {}
  const summary = message.replace(/^[⨯⚠✓○▲-]\s*/u, '') || (error ? `${error.name} reported by Next.js` : '')
  return { message: summary, fields }
}

/** Whether a console call only repeats an error that onRequestError has already logged. */
export function repeatsReportedError(args: unknown[]): boolean {
  return args.some((arg) => typeof arg === 'object' && arg !== null && reported.has(arg))
}

// How long a console line carrying an error waits, in case onRequestError reports the same error with its
// request: React logs a render error first, then Next calls onRequestError with it (a few ms later).
const reportWaitMs = 250

type Method = 'log' | 'info' | 'debug' | 'warn' | 'error'
const levels: Record<Method, 'debug' | 'info' | 'warn' | 'error'> = { log: 'info', info: 'info', debug: 'debug', warn: 'warn', error: 'error' }

/**
 * Sends everything written with console.* (Next's own messages, libraries') through the JSON logger,
 * so every line the server writes is one JSON object. Installed once per process from instrumentation.ts.
 */
export function routeConsoleToLogger(target: Console = console): void {
  const marker = target as Console & { __registerConsoleRouted?: boolean }
  if (marker.__registerConsoleRouted) return
  marker.__registerConsoleRouted = true
  for (const method of Object.keys(levels) as Method[]) {
    const write = (args: unknown[]) => {
      if (repeatsReportedError(args)) return
      const { message, fields } = consoleFields(args)
      try {
        logger[levels[method]](message, fields)
      } catch {
        // The logger reads LOG_LEVEL through env(), which throws while the environment is wrong: that
        // message (lib/start-server.ts) must still come out, as one JSON line.
        process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: levels[method], message, ...fields })}\n`)
      }
    }
    target[method] = (...args: unknown[]) => {
      if (args.some((arg) => arg instanceof Error)) setTimeout(() => write(args), reportWaitMs).unref()
      else write(args)
    }
  }
}
