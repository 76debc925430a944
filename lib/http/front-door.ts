import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import { AsyncLocalStorage } from 'node:async_hooks'
import { refuseAtFrontDoor, type EarlyScreening } from '@/lib/api/early-refusal'
import { defaultKeepAliveSeconds, env } from '@/lib/env'
import { answerMetrics } from '@/lib/metrics/endpoint'
import { observeRequest } from './request-observer'
import { requestIdFor } from './request-id'
import { pathWithoutQuery } from './request-path'
import { isShuttingDown, noteServer } from './shutdown-state'

/** Methods the service answers. Others (TRACE, TRACK, CONNECT, WebDAV's…) get 405 here: the Fetch API behind Next cannot even represent some of them. */
const answeredMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

/** The largest server-action request body Next accepts (its default bodySizeLimit, 1 MB). */
export const actionBodyLimitBytes = 1024 * 1024

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/')

/** The methods to list in Allow for a path whose route cannot say (Next's own 405s, and the methods refused here). */
export function allowedMethods(path: string): string {
  if (path.startsWith('/api/auth/') || !isApiPath(path)) return 'GET, HEAD, POST'
  return 'GET, HEAD, OPTIONS'
}

/** The headers every response carries, whatever made it: pages, the API, health checks, static files, Next's own errors. */
export function securityHeaders(production: boolean): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    ...(production ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  }
}

// Responses that are not pages run no script and embed nothing: the strictest policy. Pages get theirs, with a nonce, from proxy.ts.
const nonPagePolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
// HTML that did not pass through proxy.ts (Next's 404 for a path outside its matcher) has no nonce: no inline script runs.
const pageWithoutNoncePolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

function pathOf(request: IncomingMessage): string {
  return pathWithoutQuery(request.url ?? '/')
}

/** Adds the common headers to a response just before its head is written, keeping any the route set itself. */
function addHeaders(request: IncomingMessage, response: ServerResponse, production: boolean, requestId: string): void {
  const path = pathOf(request)
  for (const [name, value] of Object.entries(securityHeaders(production))) if (!response.hasHeader(name)) response.setHeader(name, value)
  // The request's own id (lib/http/request-id.ts), also in its log lines and in a problem's request_id.
  response.setHeader('X-Request-Id', requestId)
  // While draining, each connection ends with its response, so keep-alive callers reconnect through the load balancer elsewhere.
  if (isShuttingDown()) response.setHeader('Connection', 'close')
  const contentType = String(response.getHeader('Content-Type') ?? '')
  if (!response.hasHeader('Content-Security-Policy')) {
    response.setHeader('Content-Security-Policy', contentType.startsWith('text/html') ? pageWithoutNoncePolicy : nonPagePolicy)
  }
  if (isApiPath(path)) response.setHeader('Cache-Control', 'no-store')
  if (response.statusCode === 405 && !response.hasHeader('Allow')) response.setHeader('Allow', allowedMethods(path))
}

/** Answers a request here, with the common headers: problem+json under /api, plain text elsewhere. */
function answer(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  title: string,
  detail: string,
  requestId: string,
  headers: Record<string, string> = {},
) {
  const path = pathOf(request)
  const api = isApiPath(path)
  const body = api ? JSON.stringify({ type: 'about:blank', status, title, detail, request_id: requestId }) : `${title}\n`
  response.statusCode = status
  response.setHeader('Content-Type', api ? 'application/problem+json' : 'text/plain; charset=utf-8')
  response.setHeader('Content-Length', Buffer.byteLength(body))
  response.setHeader('X-Request-Id', requestId)
  response.setHeader('Cache-Control', 'no-store')
  // The request body is not read: close the connection rather than parse whatever follows.
  if (request.method !== 'GET' && request.method !== 'HEAD') response.setHeader('Connection', 'close')
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value)
  response.end(request.method === 'HEAD' ? undefined : body)
}

/** Whether a POST to a page can be a server action (Next accepts actions as multipart, or with a Next-Action header). */
function isActionPost(request: IncomingMessage): boolean {
  return request.method === 'POST' && !isApiPath(pathOf(request))
}

/** The host a request was sent to, as Next's server-action check reads it (X-Forwarded-Host first: see docs/deployment.md). */
function requestHost(request: IncomingMessage): string | undefined {
  const forwarded = request.headers['x-forwarded-host']
  const value = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim() || request.headers.host
  return value?.toLowerCase()
}

/** Whether every percent-escape in a path decodes (Next answers 500 for `/api/v1/providers/%ff`). */
export function decodablePath(path: string): boolean {
  try {
    decodeURIComponent(path)
    return true
  } catch {
    return false
  }
}

/** Whether a request's Origin names another site (a missing Origin is left to Next, which lets it through). */
export function isCrossOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin
  if (origin === undefined) return false
  if (!URL.canParse(origin)) return true
  return new URL(origin).host.toLowerCase() !== requestHost(request)
}

/**
 * What the front door decides about a request before Next sees it: undefined lets it through. Also makes
 * two Authorization headers into one that no scheme accepts, so the API answers its uniform 401 (Node keeps
 * only the first, which would let a proxy's header and a caller's disagree about who is calling).
 */
export function screen(request: IncomingMessage): { status: number; title: string; detail: string; headers?: Record<string, string> } | undefined {
  const method = (request.method ?? '').toUpperCase()
  if (!answeredMethods.has(method)) {
    return { status: 405, title: 'Method Not Allowed', detail: `${method} is not allowed here.`, headers: { Allow: allowedMethods(pathOf(request)) } }
  }
  if (!decodablePath(pathOf(request))) return { status: 400, title: 'Bad Request', detail: 'The address is not correctly encoded.' }
  const authorization = request.headersDistinct?.authorization
  if (authorization && authorization.length > 1) request.headers.authorization = authorization.join(', ')
  if (isActionPost(request)) {
    if (isCrossOrigin(request)) return { status: 403, title: 'Forbidden', detail: 'Forms may only be sent from this service.' }
    const length = Number(request.headers['content-length'] ?? 0)
    if (length > actionBodyLimitBytes) return { status: 413, title: 'Content Too Large', detail: 'The form sent was too large.' }
  }
  return undefined
}

/**
 * Per-request state the front door keeps for code deeper in the request (lib/http/bad-request.ts), and its
 * screening of a register API token (lib/api/early-refusal.ts).
 */
export type FrontDoorStore = { badRequest: boolean; requestId: string; screening?: EarlyScreening }
const holder = globalThis as typeof globalThis & { __registerFrontDoor?: { storage: AsyncLocalStorage<FrontDoorStore> } }

/** The request store, shared by every bundle of this module. */
export function frontDoorStorage(): AsyncLocalStorage<FrontDoorStore> {
  holder.__registerFrontDoor ??= { storage: new AsyncLocalStorage<FrontDoorStore>() }
  return holder.__registerFrontDoor.storage
}

/** Prepares one request: the common headers on whatever answers it, and the checks in screen(). True if answered here. */
export function handleAtFrontDoor(request: IncomingMessage, response: ServerResponse, production: boolean, store: FrontDoorStore): boolean {
  const writeHead = response.writeHead
  response.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
    // A request found malformed deeper down (a server action's arguments) fails there with a 500: it was the caller's fault.
    if (store.badRequest && (args[0] === 500 || response.statusCode === 500)) {
      args[0] = 400
      response.statusCode = 400
    }
    if (typeof args[0] === 'number') response.statusCode = args[0]
    addHeaders(request, response, production, store.requestId)
    return writeHead.apply(this, args)
  } as ServerResponse['writeHead']
  const refusal = screen(request)
  if (!refusal) return false
  answer(request, response, refusal.status, refusal.title, refusal.detail, store.requestId, refusal.headers)
  return true
}

// Read once; an environment that does not parse has already stopped the server (lib/start-server.ts).
let metricsTokenValue: { token: string | undefined } | undefined
function metricsToken(): string | undefined {
  try {
    metricsTokenValue ??= { token: env().METRICS_TOKEN }
  } catch {
    return undefined
  }
  return metricsTokenValue.token
}

const configuredServers = new WeakSet<http.Server>()

/**
 * Keeps a server's idle keep-alive connections open for HTTP_KEEP_ALIVE_SECONDS, longer than the proxy in
 * front keeps its own (Node's default is 5 s). A caller that sends its next request on a connection at the
 * moment the server closes it gets a reset, not an answer: the proxy must be the one to close an idle
 * connection. Set once, on the first request a server sees: Node reads it when each response ends.
 */
function keepConnectionsOpen(server: http.Server): void {
  if (configuredServers.has(server)) return
  configuredServers.add(server)
  let seconds = defaultKeepAliveSeconds
  try {
    seconds = env().HTTP_KEEP_ALIVE_SECONDS
  } catch {
    // A bad environment has already stopped the server at start-up (lib/start-server.ts).
  }
  server.keepAliveTimeout = seconds * 1_000
}

/**
 * Puts the front door in front of every HTTP server in this process (Next's own, in `next start` and
 * `next dev`): Next offers no hook before its handler for the socket-level request, so its 'request'
 * event is wrapped. Each request gets its id, is counted for /metrics, and /metrics itself is answered
 * here (lib/metrics/endpoint.ts), after the common checks, as is a register API request whose token is refused
 * without the database (lib/api/early-refusal.ts). Installed once, from instrumentation.ts.
 */
export function installFrontDoor(): void {
  const server = http.Server.prototype as http.Server & { __registerFrontDoor?: boolean }
  if (server.__registerFrontDoor) return
  server.__registerFrontDoor = true
  const production = process.env.NODE_ENV === 'production'
  const emit = server.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean
  server.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== 'request') return emit.call(this, event, ...args)
    const [request, response] = args as [IncomingMessage, ServerResponse]
    noteServer(this)
    keepConnectionsOpen(this)
    const store: FrontDoorStore = { badRequest: false, requestId: requestIdFor(request.headers['x-request-id']) }
    return frontDoorStorage().run(store, () => {
      observeRequest(request, response)
      if (handleAtFrontDoor(request, response, production, store)) return true
      if (answerMetrics(request, response, metricsToken())) return true
      // A register API request whose token is refused without the database is answered here, for a fraction of Next's cost.
      if (refuseAtFrontDoor(request, response, store.requestId, (screening) => (store.screening = screening))) return true
      return emit.call(this, event, ...args)
    })
  } as typeof server.emit
}
