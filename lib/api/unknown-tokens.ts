// Hashes of well-formed tokens that no client holds, as a reload of the live set showed (docs/decisions/0027).
// A token is random and shown only after its client is committed, so a hash refused as unknown after a reload
// that began after it arrived can only become valid through a change to a client or its creator (a person
// reactivated): every such change is announced (announceApiClientChange) and bumps the verification cache's
// generation. An entry is therefore trusted only while the generation it was recorded at is current and the
// listener is hearing changes; then a repeat is refused without the database, the live set or its reload wait.

// About 100 bytes an entry: 1 MB at most. Beyond it the oldest are forgotten and go back to the slow path.
const maxEntries = 10_000

/** Unknown hashes and the cache generation at which each was found unknown. */
export class UnknownTokens {
  readonly #generations = new Map<string, number>()

  /** Whether this hash was found unknown at this generation. */
  has(hash: string, generation: number): boolean {
    return this.#generations.get(hash) === generation
  }

  /** Notes a hash that a reload begun after it arrived (at `generation`) did not have. */
  add(hash: string, generation: number): void {
    this.#generations.delete(hash)
    this.#generations.set(hash, generation)
    for (const oldest of this.#generations.keys()) {
      if (this.#generations.size <= maxEntries) break
      this.#generations.delete(oldest)
    }
  }

  /** How many hashes are noted (tests). */
  get size(): number {
    return this.#generations.size
  }
}

// On globalThis, as the verification cache is, so that every bundle of the route wrapper shares one.
const holder = globalThis as typeof globalThis & { __registerUnknownTokens?: UnknownTokens }

/** This process's unknown hashes. */
export function unknownTokens(): UnknownTokens {
  holder.__registerUnknownTokens ??= new UnknownTokens()
  return holder.__registerUnknownTokens
}
