import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { bearerToken } from '@/lib/api/bearer'
import { metrics } from './registry'

/** The address Prometheus scrapes. */
export const metricsPath = '/metrics'

const digest = (value: string) => createHash('sha256').update(value).digest()

/** Whether an Authorization header carries exactly this bearer token, compared in constant time. */
export function carriesMetricsToken(authorization: string | undefined, token: string): boolean {
  const sent = bearerToken(authorization?.trim() ?? null)
  // Digests, so that the comparison takes as long whatever the length of what was sent.
  return sent !== undefined && timingSafeEqual(digest(sent), digest(token))
}

function plain(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.statusCode = status
  response.setHeader('Content-Type', 'text/plain; charset=utf-8')
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value)
  response.end(`${text}\n`)
}

/**
 * Answers GET /metrics when METRICS_TOKEN is set (`token`), before Next sees the request: with the
 * metrics in Prometheus text format for that bearer token, 401 for any other. Without a token the path
 * is not answered here, so it is a 404 like any unknown path. True if answered.
 */
export function answerMetrics(request: IncomingMessage, response: ServerResponse, token: string | undefined): boolean {
  const url = request.url ?? '/'
  if (token === undefined || (url !== metricsPath && !url.startsWith(`${metricsPath}?`))) return false
  response.setHeader('Cache-Control', 'no-store')
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    plain(response, 405, 'Method Not Allowed', { Allow: 'GET, HEAD', Connection: 'close' })
    return true
  }
  if (!carriesMetricsToken(request.headers.authorization, token)) {
    plain(response, 401, 'Unauthorized', { 'WWW-Authenticate': 'Bearer realm="metrics"' })
    return true
  }
  const { registry } = metrics()
  registry.metrics().then(
    (text) => {
      response.statusCode = 200
      response.setHeader('Content-Type', registry.contentType)
      response.end(request.method === 'HEAD' ? undefined : text)
    },
    () => plain(response, 500, 'Internal Server Error'),
  )
  return true
}
