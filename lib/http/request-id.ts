// A caller's or load balancer's X-Request-Id is kept only when it is a UUID: the API documents the header
// and the problem's request_id as UUIDs, and a free-form value would let anyone write into the logs.
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The id for a request: its incoming X-Request-Id when that is one UUID, else a new one. */
export function requestIdFor(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? (incoming.length === 1 ? incoming[0] : undefined) : incoming
  return value !== undefined && uuid.test(value.trim()) ? value.trim().toLowerCase() : crypto.randomUUID()
}

// The front door's request store (lib/http/front-door.ts), read through globalThis, as lib/http/bad-request.ts
// does, so that the logger and the API's responses share it in whichever bundle they run.
type Storage = { getStore(): { requestId?: string } | undefined; exit<R>(callback: () => R): R }
const holder = globalThis as typeof globalThis & { __registerFrontDoor?: { storage: Storage } }

/** The id of the request being handled, if any: every log line and response of that request carries it. */
export function activeRequestId(): string | undefined {
  return holder.__registerFrontDoor?.storage.getStore()?.requestId
}

/** The id to answer the current request with: the front door's, or a new one outside a request (unit tests, scripts). */
export function currentRequestId(): string {
  return activeRequestId() ?? crypto.randomUUID()
}

/**
 * Runs `start` outside the current request. For what a request happens to start but outlives it (the usage
 * flush timer, the change listener, Redis and database connections): their timers and callbacks would
 * otherwise carry that first request's id into every later log line.
 */
export function outsideRequest<R>(start: () => R): R {
  const storage = holder.__registerFrontDoor?.storage
  return storage ? storage.exit(start) : start()
}
