import { conditionalSerialisedResponse } from '@/lib/api/conditional'
import { withApiClient } from '@/lib/api/route'
import { parseProviderListQuery } from '@/lib/providers/list-query'
import { invalidParamsResponse } from '@/lib/api/problems'
import { providerListBody } from '@/lib/providers/load'
import { otherMethods } from '@/lib/api/methods'

/** GET /api/v1/providers: a page of live providers, filtered, ordered by updated_at then id. */
export const GET = withApiClient(async ({ request, requestId, headers }) => {
  const parsed = parseProviderListQuery(new URL(request.url).searchParams)
  if (!parsed.ok) return invalidParamsResponse(parsed.invalidParams, requestId)
  // Served from memory until the register next changes (lib/providers/served.ts).
  return conditionalSerialisedResponse(request, await providerListBody(parsed.query, parsed.given), requestId, headers)
})

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods()
