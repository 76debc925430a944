import 'server-only'
import type { Database } from '@/db'
import { serialise, type SerialisedBody } from '@/lib/api/conditional'
import { readProviderChanges } from './changes'
import { encodeCursor, type FeedCursor } from './feed-cursor'
import { linkFiltersOf, providerFiltersOf, type ProviderListQuery } from './list-query'
import { PositionCache } from './position-cache'
import { changesResponse, providerListResponse, providerResponse } from './present'
import { findProvider, listProviders } from './queries'
import { readRegisterPositionShared, type RegisterPosition } from './register-position'

// The register API's bodies as served, serialised and tagged, and the list's exact counts, kept in memory
// until the register next changes (register-position.ts; docs/decisions/0027). 32 MB holds a few hundred
// pages of 100; a body larger than that is built every time.
const bodies = new PositionCache<SerialisedBody>(32 * 1024 * 1024, (body) => body.bytes.byteLength)
const counts = new PositionCache<number>(10_000)

/**
 * The body for `key`, from the cache if the register has not moved since it was kept, else built. A built
 * body is kept only if the position was settled before building and is the same after: then no change can
 * have committed in between, and the body is exactly what a fresh build would give until the position moves.
 */
async function keptUntilChange(
  db: Database,
  key: string,
  build: (before: RegisterPosition) => Promise<SerialisedBody | undefined>,
): Promise<{ body: SerialisedBody | undefined; keptAt: string | undefined }> {
  const before = await readRegisterPositionShared(db)
  const kept = bodies.get(before.key, key)
  if (kept) return { body: kept, keptAt: before.key }
  const body = await build(before)
  if (!body || !before.settled) return { body, keptAt: undefined }
  const after = await readRegisterPositionShared(db)
  if (after.key !== before.key) return { body, keptAt: undefined }
  bodies.set(before.key, key, body)
  return { body, keptAt: before.key }
}

/** The body of GET /api/v1/providers for a valid query (`given`: the filters as the caller wrote them, for links). */
export async function providerListBody(db: Database, query: ProviderListQuery, given: Record<string, string>): Promise<SerialisedBody> {
  const filters = providerFiltersOf(query)
  const links = linkFiltersOf(given)
  const { page, per_page: perPage } = query
  const countKey = JSON.stringify(filters)
  let total = 0
  const { body, keptAt } = await keptUntilChange(db, `list ${JSON.stringify([query, links])}`, async (before) => {
    const result = await listProviders(db, filters, { page, perPage }, { knownTotal: counts.get(before.key, countKey) })
    total = result.total
    return serialise(providerListResponse(result.providers, { path: '/api/v1/providers', filters: links, page, perPage, total }))
  })
  if (keptAt && total > 0) counts.set(keptAt, countKey, total)
  // listProviders always answers, so there is always a body.
  return body as SerialisedBody
}

/** The body of GET /api/v1/providers/{id}, or undefined for no live provider with that id. */
export async function providerBody(db: Database, id: string): Promise<SerialisedBody | undefined> {
  const { body } = await keptUntilChange(db, `provider ${id}`, async () => {
    const record = await findProvider(db, id)
    return record ? serialise(providerResponse(record)) : undefined
  })
  return body
}

/** The body of a page of GET /api/v1/providers/changes, or undefined for a cursor from another database. */
export async function providerChangesBody(db: Database, cursor: string | undefined, from: FeedCursor, perPage: number): Promise<SerialisedBody | undefined> {
  const { body } = await keptUntilChange(db, `changes ${cursor ?? ''} ${perPage}`, async () => {
    const result = await readProviderChanges(db, from, perPage)
    if (result.outcome === 'unknown-cursor') return undefined
    return serialise(changesResponse({ changes: result.changes, cursor, nextCursor: encodeCursor(result.next), hasMore: result.hasMore, perPage }))
  })
  return body
}
