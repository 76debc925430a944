import type { KeyObject } from 'node:crypto'
import { z } from 'zod'
import { describeError, logger } from '@/lib/logger'
import { parsePublicKey } from './signature'

/** What a fetch of the published keys brought: a new set (with its ETag, for the next conditional request), or "not modified". */
export type FetchedKeys = { status: 'fresh'; keys: Map<string, KeyObject>; etag?: string } | { status: 'not-modified' }

/** Fetches the published keys; throws when they cannot be had. Injectable so that tests can count fetches. */
export type KeyFetcher = (url: string, etag: string | undefined) => Promise<FetchedKeys>

/** The key for a report's identifier; `unavailable` when no key list has ever been fetched (GitHub unreachable). */
export type KeyLookup = { outcome: 'found'; key: KeyObject } | { outcome: 'unknown' | 'unavailable' }

export type PublicKeyStoreOptions = {
  url: string
  /** How long a fetched list is trusted before it is fetched again. */
  ttlMs: number
  /** The least time between two fetches, however many unknown key ids arrive: no caller can make us hammer GitHub. */
  minRefetchMs: number
  clock?: () => number
  fetchKeys?: KeyFetcher
}

// GitHub's list: `{ "public_keys": [{ "key_identifier": "…", "key": "-----BEGIN PUBLIC KEY-----…", "is_current": true }] }`.
const keyListSchema = z.object({
  public_keys: z.array(z.object({ key_identifier: z.string().min(1).max(128), key: z.string().max(4_096) })).max(100),
})

// The list is a few hundred bytes; anything far larger is not GitHub's.
const maxKeyListBytes = 100_000
const fetchTimeoutMs = 5_000

/** Parses a published key list: every P-256 key by its identifier. Throws when none is usable. */
export function parseKeyList(text: string): Map<string, KeyObject> {
  const list = keyListSchema.parse(JSON.parse(text))
  const keys = new Map<string, KeyObject>()
  for (const entry of list.public_keys) {
    const key = parsePublicKey(entry.key)
    if (key) keys.set(entry.key_identifier, key)
  }
  if (keys.size === 0) throw new Error('the key list has no ECDSA P-256 key')
  return keys
}

/** Fetches the key list over HTTP, conditionally when an ETag is known (GitHub does not count a 304 against its rate limit). */
export const fetchKeyList: KeyFetcher = async (url, etag) => {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (etag) headers['If-None-Match'] = etag
  const response = await fetch(url, { headers, redirect: 'error', signal: AbortSignal.timeout(fetchTimeoutMs) })
  if (response.status === 304) return { status: 'not-modified' }
  if (!response.ok) throw new Error(`the key list answered ${response.status}`)
  const text = await response.text()
  if (text.length > maxKeyListBytes) throw new Error('the key list is too large')
  return { status: 'fresh', keys: parseKeyList(text), etag: response.headers.get('etag') ?? undefined }
}

/**
 * GitHub's published keys, cached in this process. A list is trusted for `ttlMs`; an identifier it does not have
 * (GitHub rotated its key) fetches it again at once, but never sooner than `minRefetchMs` after the last fetch,
 * and concurrent requests share one fetch. When a fetch fails the keys already held stay in use.
 */
export class PublicKeyStore {
  #keys: Map<string, KeyObject> | undefined
  #etag: string | undefined
  #fetchedAt = Number.NEGATIVE_INFINITY
  #attemptedAt = Number.NEGATIVE_INFINITY
  #inFlight: Promise<void> | undefined
  readonly #options: Required<PublicKeyStoreOptions>

  constructor(options: PublicKeyStoreOptions) {
    this.#options = { clock: Date.now, fetchKeys: fetchKeyList, ...options }
  }

  /** The key a report names, fetching the list when it is stale or lacks the identifier (within the refetch limit). */
  async keyFor(keyIdentifier: string): Promise<KeyLookup> {
    const now = this.#options.clock()
    const held = this.#keys?.get(keyIdentifier)
    if (held && now - this.#fetchedAt < this.#options.ttlMs) return { outcome: 'found', key: held }
    if (this.#inFlight) await this.#inFlight
    else if (now - this.#attemptedAt >= this.#options.minRefetchMs) await this.#refresh(now)
    const key = this.#keys?.get(keyIdentifier)
    if (key) return { outcome: 'found', key }
    return { outcome: this.#keys ? 'unknown' : 'unavailable' }
  }

  #refresh(now: number): Promise<void> {
    this.#attemptedAt = now
    this.#inFlight = this.#fetch(now).finally(() => {
      this.#inFlight = undefined
    })
    return this.#inFlight
  }

  async #fetch(now: number): Promise<void> {
    try {
      const fetched = await this.#options.fetchKeys(this.#options.url, this.#keys ? this.#etag : undefined)
      if (fetched.status === 'fresh') {
        this.#keys = fetched.keys
        this.#etag = fetched.etag
      }
      // A 304 with no list held cannot happen (no ETag is sent then), so "not modified" renews the held list.
      if (this.#keys) this.#fetchedAt = now
    } catch (error) {
      logger.warn('secret scanning: the public keys could not be fetched', { url: this.#options.url, ...describeError(error) })
    }
  }
}
