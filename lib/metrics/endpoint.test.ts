import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { observeRequest } from '@/lib/http/request-observer'
import { answerMetrics, carriesMetricsToken } from './endpoint'

const token = 'metrics-test-token-0123456789abcdef0123'
// Two real servers: one with METRICS_TOKEN set, one without. Their other paths stand in for Next.
let servers: Server[] = []
let withToken: string
let withoutToken: string

async function listen(metricsToken: string | undefined): Promise<string> {
  const server = createServer((request, response) => {
    observeRequest(request, response)
    if (answerMetrics(request, response, metricsToken)) return
    response.statusCode = request.url?.startsWith('/api/v1/providers/') ? 200 : 404
    response.end()
  })
  servers.push(server)
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

beforeAll(async () => {
  // These servers stand in for Next without a build: no route patterns, whatever build the working tree holds
  // (after `npm run build` the observer would otherwise read .next's routes manifest and label the paths).
  ;(globalThis as typeof globalThis & { __registerRoutePatterns?: unknown[] }).__registerRoutePatterns = []
  withToken = await listen(token)
  withoutToken = await listen(undefined)
})
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((closed) => server.close(closed))))
  servers = []
})

const scrape = (origin: string, authorization?: string) => fetch(`${origin}/metrics`, authorization ? { headers: { Authorization: authorization } } : {})

describe('GET /metrics', () => {
  it('does not exist without METRICS_TOKEN: a 404 as any unknown path, even with a token', async () => {
    expect((await scrape(withoutToken)).status).toBe(404)
    expect((await scrape(withoutToken, `Bearer ${token}`)).status).toBe(404)
  })

  it('refuses a missing, wrong, longer, shorter or differently sent token with 401, uncached', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`, `Basic ${token}`, token, `Bearer ${token}, Bearer ${token}`]) {
      const response = await scrape(withToken, authorization)
      expect(response.status, String(authorization)).toBe(401)
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="metrics"')
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(await response.text()).not.toContain('rotp_')
    }
  })

  it('answers the bearer token with every series, in Prometheus text format, uncached', async () => {
    const response = await scrape(withToken, `Bearer ${token}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const text = await response.text()
    for (const series of [
      'rotp_http_requests_total',
      'rotp_http_request_duration_seconds_bucket',
      'rotp_http_requests_in_flight',
      'rotp_token_cache_hits_total',
      'rotp_token_cache_misses_total',
      'rotp_token_cache_invalidations_total',
      'rotp_token_cache_listener_up',
      'rotp_rate_limit_refusals_total',
      'rotp_db_queries_in_flight',
      'rotp_db_transactions_open',
      'rotp_reminders_sent_total',
      'rotp_reminders_failed_total',
      'rotp_usage_flushes_total',
      'rotp_shutting_down 0',
      'rotp_process_cpu_seconds_total',
      'rotp_nodejs_heap_size_used_bytes',
    ]) {
      expect(text).toContain(series)
    }
  })

  it('answers only GET and HEAD', async () => {
    const response = await fetch(`${withToken}/metrics`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD')
  })

  it('counts requests by status and a bounded label, never the path with its id', async () => {
    const count = async (status: string) => {
      const text = await (await scrape(withToken, `Bearer ${token}`)).text()
      expect(text).not.toContain('10012345')
      const line = text.split('\n').find((each) => each.startsWith(`rotp_http_requests_total{method="GET",route="(unmatched)",status="${status}"}`))
      return Number(line?.split(' ')[1] ?? 0)
    }
    const [ok, notFound] = [await count('200'), await count('404')]
    await fetch(`${withToken}/api/v1/providers/10012345`)
    await fetch(`${withToken}/api/v1/providers/10099999`)
    await fetch(`${withToken}/no/such/page`)
    // No build's routes manifest here (route-patterns.test.ts tests the patterns): every path is "(unmatched)".
    // A scrape is counted once it has ended: the third sees the two 200s asked for and the two scrapes before it.
    expect(await count('200')).toBe(ok + 2 + 2)
    expect(await count('404')).toBe(notFound + 1)
  })
})

describe('carriesMetricsToken', () => {
  it('accepts exactly "Bearer <token>", in any case of the scheme', () => {
    expect(carriesMetricsToken(`Bearer ${token}`, token)).toBe(true)
    expect(carriesMetricsToken(`bearer ${token}`, token)).toBe(true)
    expect(carriesMetricsToken(undefined, token)).toBe(false)
    expect(carriesMetricsToken('Bearer ', token)).toBe(false)
  })
})
