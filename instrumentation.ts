import type { ErroredRequest, RequestErrorContext } from './lib/http/request-errors'

/**
 * Runs once when a server process starts. The Node.js work lives in its own modules so the Edge
 * bundle never sees it: in production every console line becomes a JSON log line, the front door (security headers,
 * refused methods and server-action checks, lib/http/front-door.ts) goes in front of Next's handler,
 * then the environment and database are checked.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // In production only: `next dev` keeps its own readable output for people at a terminal.
    if (process.env.NODE_ENV === 'production') {
      const { routeConsoleToLogger } = await import('./lib/http/console-to-logger')
      routeConsoleToLogger()
    }
    const { installFrontDoor } = await import('./lib/http/front-door')
    installFrontDoor()
    const { startServer } = await import('./lib/start-server')
    await startServer()
  }
}

/** Every unexpected server error, logged as one JSON line without query parameters or SQL parameters. */
export async function onRequestError(error: unknown, request: ErroredRequest, context: RequestErrorContext) {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { logRequestError } = await import('./lib/http/request-errors')
    logRequestError(error, request, context)
  }
}
