import 'server-only'
import type { Database } from '@/db'
import type { SerialisedBody } from '@/lib/api/conditional'
import { feedStart } from './feed-cursor'
import { paging, parseProviderListQuery } from './list-query'
import { providerChangesBody, providerListBody } from './served'

// bench/api.ts's "limit" case (docs/decisions/0027): the bytes of a page, built once and then served from memory
// for ever, through the same route wrapper. What a request costs when the register costs nothing.
const built = new Map<string, Promise<SerialisedBody | undefined>>()

/** The first page of the provider list or of the change feed at `perPage`, built on first use and never again. */
export function precomputedBody(db: Database, of: 'providers' | 'changes', perPage: number): Promise<SerialisedBody | undefined> {
  const size = Math.min(Math.max(1, Math.trunc(perPage) || paging.defaultPerPage), paging.maxPerPage)
  const key = `${of} ${size}`
  let body = built.get(key)
  if (!body) {
    body =
      of === 'changes'
        ? providerChangesBody(db, undefined, feedStart, size)
        : listBody(db, size)
    built.set(key, body)
  }
  return body
}

function listBody(db: Database, perPage: number): Promise<SerialisedBody | undefined> {
  const parsed = parseProviderListQuery(new URLSearchParams({ per_page: String(perPage) }))
  return parsed.ok ? providerListBody(db, parsed.query, parsed.given) : Promise.resolve(undefined)
}
