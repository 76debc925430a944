/**
 * A token that may be valid: its hash, and its expiry date so that an expired one is refused here; or a
 * revoked one (`revoked`), kept so that its refusals are decided here and counted against its client.
 */
export type LiveToken = { hash: string; clientId: string; expiresOn: string; revoked: boolean }

/** What the set knows of one hash. */
export type LiveEntry = Omit<LiveToken, 'hash'>

/** Reads every token that may be valid from the database: one query. */
export type LiveTokenLoader = () => Promise<LiveToken[]>

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * The hashes of the tokens the database would not refuse outright (not revoked, not deleted, creator
 * active), held in memory: one entry per client, so small. It is a gate in front of the token lookup,
 * never a reason to accept: a hash in the set is still checked in the database (or the verification
 * cache) before a request is admitted, so a stale entry can only cost one lookup, never let a revoked
 * token in. A hash that is not in the set waits for a reload that *starts after it arrived*, so a token
 * created a moment ago is found; reloads are single-flight and at most one per `intervalMs`, so a flood of
 * made-up tokens costs the database at most 1000 / intervalMs queries a second, however fast it comes.
 */
export class LiveTokenSet {
  #entryByHash = new Map<string, LiveEntry>()
  #lastStartMs = Number.NEGATIVE_INFINITY
  #running: Promise<void> | undefined
  #next: Promise<void> | undefined
  #loads = 0

  constructor(
    private readonly load: LiveTokenLoader,
    readonly intervalMs: number,
    private readonly clockMs: () => number = () => performance.now(),
  ) {}

  /** How many times the set has been read from the database. */
  get loads(): number {
    return this.#loads
  }

  /** This hash's token if the last load had it. */
  entryOf(hash: string): LiveEntry | undefined {
    return this.#entryByHash.get(hash)
  }

  /** Forgets a hash the database refused, so that a flood of that token waits for reloads, which will not have it. */
  drop(hash: string): void {
    this.#entryByHash.delete(hash)
  }

  /**
   * This hash's token according to a load that started after this call, or undefined if that load did
   * not have it. Every caller waiting at the same moment shares the same load.
   */
  async freshEntryOf(hash: string): Promise<LiveEntry | undefined> {
    this.#next ??= this.#loadAfterInterval()
    await this.#next
    return this.#entryByHash.get(hash)
  }

  async #loadAfterInterval(): Promise<void> {
    // Yield first, so that `#next` holds this promise before the load starts and later callers join it.
    await Promise.resolve()
    // One load at a time: a caller that arrived during a load needs a newer one, which waits for it.
    if (this.#running) await this.#running.catch(() => undefined)
    const wait = this.#lastStartMs + this.intervalMs - this.clockMs()
    if (wait > 0) await sleep(wait)
    // From here on, arriving callers need a load that starts after them: the next one.
    this.#next = undefined
    this.#lastStartMs = this.clockMs()
    const running = this.#reload()
    this.#running = running
    try {
      await running
    } finally {
      if (this.#running === running) this.#running = undefined
    }
  }

  async #reload(): Promise<void> {
    this.#loads += 1
    const tokens = await this.load()
    this.#entryByHash = new Map(tokens.map(({ hash, ...entry }) => [hash, entry]))
  }
}
