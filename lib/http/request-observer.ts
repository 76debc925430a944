import type { IncomingMessage, ServerResponse } from 'node:http'
import { metrics } from '@/lib/metrics/registry'
import { loadRoutePatterns, routePatternOf, type RoutePattern } from '@/lib/metrics/route-patterns'
import { pathWithoutQuery } from './request-path'
import { countRequestInFlight } from './shutdown-state'

const holder = globalThis as typeof globalThis & { __registerRoutePatterns?: RoutePattern[] }

// Read once: the build does not change under a running server.
function routePatterns(): RoutePattern[] {
  holder.__registerRoutePatterns ??= loadRoutePatterns()
  return holder.__registerRoutePatterns
}

/**
 * Counts one request from its arrival to the end of its response: in flight meanwhile, then in the request
 * count and latency histogram under its route pattern and final status. A request whose caller went away
 * before the answer is counted with status 499 (nginx's word for it), as it got no status at all.
 */
export function observeRequest(request: IncomingMessage, response: ServerResponse): void {
  const started = process.hrtime.bigint()
  countRequestInFlight(1)
  let done = false
  const end = () => {
    if (done) return
    done = true
    countRequestInFlight(-1)
    const labels = {
      method: answeredMethod(request.method),
      route: routePatternOf(pathWithoutQuery(request.url ?? '/'), routePatterns()),
      status: response.writableFinished ? String(response.statusCode) : '499',
    }
    const { httpRequests, httpDuration } = metrics()
    httpRequests.inc(labels)
    httpDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9)
  }
  // Next itself puts up to ten 'close' listeners on a page's response (its streams and abort signals); this one
  // more is exactly one a response, gone when it closes, so it raises the leak warning's threshold by one rather
  // than have Node log a MaxListenersExceededWarning for pages that leak nothing.
  response.setMaxListeners(response.getMaxListeners() + 1)
  response.once('finish', end)
  response.once('close', end)
}

const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

// Any other method is refused at the front door; it is one label, so a caller cannot make new series.
function answeredMethod(method: string | undefined): string {
  const upper = (method ?? '').toUpperCase()
  return methods.has(upper) ? upper : 'OTHER'
}
