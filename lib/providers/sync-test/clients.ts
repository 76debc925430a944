// The two clients of the concurrent sync test: one keeps its copy with the change feed, the other the way
// /api-docs used to say, with changed_since and numbered pages. Both keep what the API would have sent them.
import { and, isNull, sql } from 'drizzle-orm'
import type { Database } from '@/db'
import { providers } from '@/db/schema'
import { readProviderChanges } from '../changes'
import { encodeCursor, feedStart, type FeedCursor } from '../feed-cursor'
import { changesResponse, providerListResponse, providerResponse } from '../present'
import type { ApiProvider } from '../provider-schema'
import { listProviders, providerColumns, withChildren } from '../queries'

export type Copy = Map<string, ApiProvider>

/** The live register as GET /providers/{id} would serve each provider. */
export async function liveRegister(db: Database): Promise<Copy> {
  const rows = await db
    .select(providerColumns)
    .from(providers)
    .where(and(isNull(providers.archivedAt), isNull(providers.deletedAt)))
  const records = await withChildren(db, rows)
  return new Map(records.map((record) => [record.id, providerResponse(record).data]))
}

/** A client of the change feed: follows pages until has_more is false, applying each as the sync guide says. */
export class FeedClient {
  readonly copy: Copy = new Map()
  cursor: FeedCursor = feedStart
  pages = 0

  constructor(
    private readonly db: Database,
    private readonly perPage: number,
  ) {}

  /** Reads until caught up; returns how many pages that took. */
  async catchUp(): Promise<number> {
    let read = 0
    for (;;) {
      const page = await readProviderChanges(this.db, this.cursor, this.perPage)
      if (page.outcome !== 'page') throw new Error('the feed refused its own cursor')
      const body = changesResponse({ ...page, cursor: encodeCursor(this.cursor), nextCursor: encodeCursor(page.next), perPage: this.perPage })
      const ids = body.data.map((entry) => entry.id)
      if (new Set(ids).size !== ids.length) throw new Error('a page served a provider twice')
      for (const entry of body.data) {
        if (entry.change === 'updated') this.copy.set(entry.id, entry.provider)
        else this.copy.delete(entry.id)
      }
      this.cursor = page.next
      read += 1
      this.pages += 1
      if (!body.meta.has_more) return read
    }
  }
}

/** A client of GET /providers?changed_since, as /api-docs described before the feed: pages of `perPage`, `next` until null. */
export class ChangedSinceClient {
  readonly copy: Copy = new Map()
  private since: Date | undefined

  constructor(
    private readonly db: Database,
    private readonly perPage: number,
  ) {}

  /** One incremental sync from the newest updated_at held. */
  async sync(): Promise<void> {
    let newest = this.since
    for (let page = 1; ; page += 1) {
      const result = await listProviders(this.db, { changedSince: this.since }, { page, perPage: this.perPage })
      const body = providerListResponse(result.providers, {
        path: '/api/v1/providers',
        filters: {},
        page,
        perPage: this.perPage,
        total: result.total,
      })
      for (const provider of body.data) {
        this.copy.set(provider.id, provider)
        const at = new Date(provider.updated_at)
        if (!newest || at > newest) newest = at
      }
      if (body.links.next === null) break
    }
    this.since = newest
  }
}

/** How a copy differs from the live register. */
export function differences(copy: Copy, live: Copy): { missing: number; stale: number; outdated: number } {
  let missing = 0
  let outdated = 0
  for (const [id, provider] of live) {
    const held = copy.get(id)
    if (!held) missing += 1
    else if (JSON.stringify(held) !== JSON.stringify(provider)) outdated += 1
  }
  const stale = [...copy.keys()].filter((id) => !live.has(id)).length
  return { missing, stale, outdated }
}

/** Waits until every transaction that has begun writing so far is over, as the feed's horizon needs (a few seconds at most). */
export async function waitForWritersBefore(db: Database, timeoutMs = 20_000): Promise<void> {
  const [now] = await db.select({ xmax: sql<string>`pg_snapshot_xmax(s)::text` }).from(sql`pg_current_snapshot() as s`)
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const [then] = await db.select({ xmin: sql<string>`pg_snapshot_xmin(s)::text` }).from(sql`pg_current_snapshot() as s`)
    if (BigInt(then?.xmin ?? 0) >= BigInt(now?.xmax ?? 0)) return
    if (Date.now() > deadline) throw new Error('a transaction on the server stayed open too long')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
