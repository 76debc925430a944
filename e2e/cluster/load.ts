import { distinctAddress } from '../api/api-requests'

/** One request of a load run: when it started and ended, and what came back (status 0: no answer at all). */
export type Outcome = { token: string; startedAt: number; endedAt: number; status: number; servedBy?: string; retryAfter?: string }

/** An API GET through `origin` with `token`, from an address of its own (so no address bucket fills). */
export async function apiGet(origin: string, token: string, path = '/api/v1/info'): Promise<Outcome> {
  const startedAt = Date.now()
  try {
    const response = await fetch(`${origin}${path}`, {
      headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': distinctAddress() },
      signal: AbortSignal.timeout(20_000),
    })
    await response.arrayBuffer()
    const servedBy = response.headers.get('x-served-by') ?? undefined
    const retryAfter = response.headers.get('retry-after') ?? undefined
    return { token, startedAt, endedAt: Date.now(), status: response.status, servedBy, retryAfter }
  } catch {
    return { token, startedAt, endedAt: Date.now(), status: 0 }
  }
}

/**
 * Steady API traffic while a test breaks something: `workers` loops, each sending a request, pausing, and
 * taking the next token in turn. Gentle, so the per-client limit (300 a minute) is never what refuses.
 */
export class Load {
  readonly outcomes: Outcome[] = []
  #running = false
  #loops: Promise<void>[] = []

  constructor(
    readonly origin: string,
    readonly tokens: string[],
    readonly options: { workers?: number; pauseMs?: number } = {},
  ) {}

  /** Starts sending. */
  start(): this {
    this.#running = true
    const workers = this.options.workers ?? 2
    this.#loops = Array.from({ length: workers }, (_, worker) => this.#loop(worker))
    return this
  }

  /** Stops sending and returns every outcome once the last request has ended. */
  async stop(): Promise<Outcome[]> {
    this.#running = false
    await Promise.all(this.#loops)
    return this.outcomes
  }

  async #loop(worker: number): Promise<void> {
    for (let turn = worker; this.#running; turn += 1) {
      const token = this.tokens[turn % this.tokens.length] ?? ''
      this.outcomes.push(await apiGet(this.origin, token))
      await new Promise((done) => setTimeout(done, this.options.pauseMs ?? 100))
    }
  }
}

/** How many outcomes had each status, for failure messages: `{ 200: 412, 503: 9 }`. */
export function statusCounts(outcomes: Outcome[]): Record<number, number> {
  const counts: Record<number, number> = {}
  for (const { status } of outcomes) counts[status] = (counts[status] ?? 0) + 1
  return counts
}
