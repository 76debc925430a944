import { conditionalJsonResponse } from '@/lib/api/conditional'
import { withApiClient } from '@/lib/api/route'
import { readProviderChanges } from '@/lib/providers/load'
import { changesQuerySchema, cursorReason } from '@/lib/providers/change-schema'
import { decodeCursor, encodeCursor, feedStart } from '@/lib/providers/feed-cursor'
import { parseQuery } from '@/lib/providers/list-query'
import { changesResponse } from '@/lib/providers/present'
import { cursorGoneResponse, invalidParamsResponse } from '@/lib/api/problems'

/** GET /api/v1/providers/changes: the change feed, for keeping a copy of the register (docs/decisions/0014). */
export const GET = withApiClient(async ({ request, requestId }) => {
  const parsed = parseQuery(changesQuerySchema, new URL(request.url).searchParams)
  if (!parsed.ok) return invalidParamsResponse(parsed.invalidParams, requestId)
  const { cursor, per_page: perPage } = parsed.query
  const from = cursor === undefined ? feedStart : decodeCursor(cursor)
  if (!from) return invalidParamsResponse([{ name: 'cursor', reason: cursorReason }], requestId)
  const result = await readProviderChanges(from, perPage)
  if (result.outcome === 'unknown-cursor') return cursorGoneResponse(requestId)
  const body = changesResponse({ changes: result.changes, cursor, nextCursor: encodeCursor(result.next), hasMore: result.hasMore, perPage })
  return conditionalJsonResponse(request, body, requestId)
})
