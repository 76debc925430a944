// What the readiness check, the front door and /metrics need to know about a stopping process. On
// globalThis, because the signal handler (loaded from instrumentation.ts) and the route handlers run in
// different bundles of this module; no Node.js import, so any bundle may read it.
/** What shutdown needs of an HTTP server (node:http's Server), named by shape so this module imports nothing. */
export type ClosableServer = { close(done?: (error?: Error) => void): unknown; closeIdleConnections(): void; closeAllConnections(): void; listening: boolean }
type ShutdownState = { shuttingDown: boolean; inFlight: number; servers: Set<ClosableServer> }

const holder = globalThis as typeof globalThis & { __registerShutdown?: ShutdownState }
const state: ShutdownState = (holder.__registerShutdown ??= { shuttingDown: false, inFlight: 0, servers: new Set() })

/** Whether this process has been asked to stop: it is draining, and no longer ready for new work. */
export function isShuttingDown(): boolean {
  return state.shuttingDown
}

/** Marks the process as stopping (lib/http/shutdown.ts); there is no way back. */
export function markShuttingDown(): void {
  state.shuttingDown = true
}

/** HTTP requests received and not yet answered (kept by lib/http/request-observer.ts). */
export function requestsInFlight(): number {
  return state.inFlight
}

/** Notes a request starting (+1) or ending (-1). */
export function countRequestInFlight(change: 1 | -1): void {
  state.inFlight += change
}

/** Notes a server that answers requests (the front door sees Next's own on its first request), so shutdown can bound its drain. */
export function noteServer(server: ClosableServer): void {
  state.servers.add(server)
}

/** The servers noted so far. */
export function knownServers(): ReadonlySet<ClosableServer> {
  return state.servers
}
