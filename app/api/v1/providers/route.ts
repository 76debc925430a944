import { conditionalJsonResponse } from '@/lib/api/conditional'
import { withApiClient } from '@/lib/api/route'
import { linkFiltersOf, parseProviderListQuery, providerFiltersOf } from '@/lib/providers/list-query'
import { providerListResponse } from '@/lib/providers/present'
import { invalidParamsResponse } from '@/lib/api/problems'
import { listProviders } from '@/lib/providers/load'
import { otherMethods } from '@/lib/api/methods'

/** GET /api/v1/providers: a page of live providers, filtered, ordered by updated_at then id. */
export const GET = withApiClient(async ({ request, requestId }) => {
  const parsed = parseProviderListQuery(new URL(request.url).searchParams)
  if (!parsed.ok) return invalidParamsResponse(parsed.invalidParams, requestId)
  const { page, per_page: perPage } = parsed.query
  const result = await listProviders(providerFiltersOf(parsed.query), { page, perPage })
  const filters = linkFiltersOf(parsed.given)
  const body = providerListResponse(result.providers, { path: '/api/v1/providers', filters, page, perPage, total: result.total })
  return conditionalJsonResponse(request, body, requestId)
})

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods()
