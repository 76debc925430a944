import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import { databaseWorkInFlight } from '@/db/deadlines'
import { cacheIsTrustworthy } from '@/lib/token-cache/change-listener'
import { verificationCache } from '@/lib/token-cache/client-changes'
import { isShuttingDown, requestsInFlight } from '@/lib/http/shutdown-state'

/** Every series this process exposes on /metrics (docs/decisions/0021-metrics-and-shutdown.md lists them). */
export type Metrics = ReturnType<typeof createMetrics>

/** A counter whose value is read, at each scrape, from a total that another module keeps. */
function totalFrom(registry: Registry, name: string, help: string, read: () => number) {
  return new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      this.reset()
      this.inc(read())
    },
  })
}

/** A gauge read, at each scrape, from state that another module keeps. */
function gaugeFrom(registry: Registry, name: string, help: string, read: () => number) {
  return new Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      this.set(read())
    },
  })
}

function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'rotp_' })
  const registers = [registry]
  const metrics = {
    registry,
    httpRequests: new Counter({ name: 'rotp_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status.', labelNames: ['method', 'route', 'status'], registers }),
    httpDuration: new Histogram({
      name: 'rotp_http_request_duration_seconds',
      help: 'Time from a request reaching the server to the end of its response, by method, route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    rateLimitRefusals: new Counter({ name: 'rotp_rate_limit_refusals_total', help: 'Register API requests refused with 429, by the limit that was full (client or address).', labelNames: ['limit'], registers }),
    remindersSent: new Counter({ name: 'rotp_reminders_sent_total', help: 'Expiry reminder e-mails that GOV.UK Notify accepted.', registers }),
    remindersFailed: new Counter({ name: 'rotp_reminders_failed_total', help: 'Expiry reminder e-mails that failed after every try.', registers }),
    usageFlushes: new Counter({
      name: 'rotp_usage_flushes_total',
      help: 'Batched writes of API clients\u2019 last use and usage counts, by what was written (last_used or counts) and whether it was written or failed (and kept for the next try).',
      labelNames: ['kind', 'result'],
      registers,
    }),
  }
  totalFrom(registry, 'rotp_token_cache_hits_total', 'Tokens verified from this instance\u2019s cache, without the database.', () => verificationCache().hits)
  totalFrom(registry, 'rotp_token_cache_misses_total', 'Well-formed tokens looked for in the cache and not found there.', () => verificationCache().misses)
  totalFrom(registry, 'rotp_token_cache_invalidations_total', 'Times the token cache forgot a client or everything (a change heard, or the listener down or back).', () => verificationCache().generation)
  gaugeFrom(registry, 'rotp_token_cache_entries', 'Tokens in this instance\u2019s cache.', () => verificationCache().size)
  gaugeFrom(registry, 'rotp_token_cache_listener_up', '1 while this instance is known to hear every API client change (its cache is used), else 0.', () => (cacheIsTrustworthy() ? 1 : 0))
  gaugeFrom(registry, 'rotp_db_queries_in_flight', 'Database queries sent and not yet answered, including those inside transactions.', () => databaseWorkInFlight().queries)
  gaugeFrom(registry, 'rotp_db_transactions_open', 'Database transactions begun and not yet ended: each holds a connection of the pool.', () => databaseWorkInFlight().transactions)
  gaugeFrom(registry, 'rotp_http_requests_in_flight', 'HTTP requests received and not yet answered.', requestsInFlight)
  gaugeFrom(registry, 'rotp_shutting_down', '1 once this instance has been asked to stop (SIGTERM or SIGINT): it is draining.', () => (isShuttingDown() ? 1 : 0))
  return metrics
}

// On globalThis: Next loads this module in several bundles, and a process must have one registry (a
// second would register every name again, and each would count only part of the requests).
const holder = globalThis as typeof globalThis & { __registerMetrics?: Metrics }

/** This process's metrics, created on first use. */
export function metrics(): Metrics {
  holder.__registerMetrics ??= createMetrics()
  return holder.__registerMetrics
}
