import { conditionalSerialisedResponse } from '@/lib/api/conditional'
import { withApiClient } from '@/lib/api/route'
import { providerChangesBody } from '@/lib/providers/load'
import { changesQuerySchema, cursorReason } from '@/lib/providers/change-schema'
import { decodeCursor, feedStart } from '@/lib/providers/feed-cursor'
import { parseQuery } from '@/lib/providers/list-query'
import { cursorGoneResponse, invalidParamsResponse } from '@/lib/api/problems'

/** GET /api/v1/providers/changes: the change feed, for keeping a copy of the register (docs/decisions/0014). */
export const GET = withApiClient(async ({ request, requestId, headers }) => {
  const parsed = parseQuery(changesQuerySchema, new URL(request.url).searchParams)
  if (!parsed.ok) return invalidParamsResponse(parsed.invalidParams, requestId)
  const { cursor, per_page: perPage } = parsed.query
  const from = cursor === undefined ? feedStart : decodeCursor(cursor)
  if (!from) return invalidParamsResponse([{ name: 'cursor', reason: cursorReason }], requestId)
  const body = await providerChangesBody(cursor, from, perPage)
  return body ? conditionalSerialisedResponse(request, body, requestId, headers) : cursorGoneResponse(requestId)
})
