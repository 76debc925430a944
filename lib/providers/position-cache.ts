/**
 * Values computed from the register (serialised bodies, counts), kept while the register's position stays the
 * same (register-position.ts) and dropped, all at once, when it moves. Bounded by a size the caller measures
 * (bytes for bodies); the oldest entries go first.
 */
export class PositionCache<T> {
  private position: string | undefined
  private entries = new Map<string, { value: T; size: number }>()
  private used = 0

  constructor(
    private readonly capacity: number,
    private readonly sizeOf: (value: T) => number = () => 1,
  ) {}

  /** The value kept for this key at this position, if any. */
  get(position: string, key: string): T | undefined {
    return position === this.position ? this.entries.get(key)?.value : undefined
  }

  /** Keeps a value computed at this position (settled, and unchanged while it was computed). */
  set(position: string, key: string, value: T): void {
    if (position !== this.position) this.clear(position)
    const size = this.sizeOf(value)
    if (size > this.capacity) return
    const old = this.entries.get(key)
    if (old) this.used -= old.size
    this.entries.delete(key)
    this.entries.set(key, { value, size })
    this.used += size
    for (const [oldest, entry] of this.entries) {
      if (this.used <= this.capacity) break
      this.entries.delete(oldest)
      this.used -= entry.size
    }
  }

  /** How many values are kept (tests). */
  get size(): number {
    return this.entries.size
  }

  private clear(position: string): void {
    this.position = position
    this.entries.clear()
    this.used = 0
  }
}
