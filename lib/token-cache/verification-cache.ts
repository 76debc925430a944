import type { VerifiedClient } from '@/lib/tokens/verify'

/** Bounds on the cache: defence in depth only, since invalidation (not age) keeps it correct. */
export type CacheLimits = { maxEntries: number; maxAgeMs: number }

type Entry = { client: VerifiedClient; storedAt: number }

/**
 * Verified clients by the HMAC of their token (never the plaintext), least recently used first out.
 * Only valid tokens are stored, so nothing needs invalidating when a token is created, and a refusal
 * can never be served from here after the data changes. Expiry is not decided here: callers recompute
 * it from the client's expiry date, and the end of a replaced token's overlap from its `tokenStopsAt`, on
 * every request, so neither waits for a notification.
 */
export class VerificationCache {
  readonly #entries = new Map<string, Entry>()
  // A client has one token, or two during a regeneration's overlap: forgetting the client forgets both.
  readonly #hashesByClient = new Map<string, Set<string>>()
  #generation = 0
  #hits = 0
  #misses = 0

  constructor(readonly limits: CacheLimits) {}

  /**
   * Moves on at every invalidation. A lookup notes it before reading the database and passes it to
   * `set`, so a result read before a revocation committed is never stored after the revocation's
   * invalidation has run.
   */
  get generation(): number {
    return this.#generation
  }

  /** How many lookups found their token (for /metrics). */
  get hits(): number {
    return this.#hits
  }

  /** How many lookups did not find their token, or found it too old (for /metrics). */
  get misses(): number {
    return this.#misses
  }

  /** How many tokens are cached. */
  get size(): number {
    return this.#entries.size
  }

  /** The client cached for this token hash, unless it is older than the maximum age. */
  get(hash: string, nowMs: number): VerifiedClient | undefined {
    const entry = this.#entries.get(hash)
    if (!entry || nowMs - entry.storedAt >= this.limits.maxAgeMs) {
      if (entry) this.#remove(hash)
      this.#misses += 1
      return undefined
    }
    this.#hits += 1
    // Re-inserting moves the entry to the end of the Map's order, which is what makes eviction LRU.
    this.#entries.delete(hash)
    this.#entries.set(hash, entry)
    return entry.client
  }

  /** Stores a verified client, unless something was invalidated since `generation` was read. */
  set(hash: string, client: VerifiedClient, nowMs: number, generation: number): boolean {
    if (generation !== this.#generation) return false
    this.#entries.delete(hash)
    this.#entries.set(hash, { client, storedAt: nowMs })
    const hashes = this.#hashesByClient.get(client.id) ?? new Set<string>()
    hashes.add(hash)
    this.#hashesByClient.set(client.id, hashes)
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.limits.maxEntries) break
      this.#remove(oldest)
    }
    return true
  }

  /** Forgets one client's tokens (renamed, token regenerated, revoked or deleted). */
  forgetClient(clientId: string): void {
    this.#generation += 1
    for (const hash of this.#hashesByClient.get(clientId) ?? []) this.#remove(hash)
  }

  /** Forgets everything: when notifications may have been missed, or a change touches many clients. */
  clear(): void {
    this.#generation += 1
    this.#entries.clear()
    this.#hashesByClient.clear()
  }

  #remove(hash: string): void {
    const entry = this.#entries.get(hash)
    this.#entries.delete(hash)
    if (!entry) return
    const hashes = this.#hashesByClient.get(entry.client.id)
    hashes?.delete(hash)
    if (hashes?.size === 0) this.#hashesByClient.delete(entry.client.id)
  }
}
