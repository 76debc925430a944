import { z } from 'zod'
import { conditionalSerialisedResponse } from '@/lib/api/conditional'
import { withApiClient } from '@/lib/api/route'
import { isUuid } from '@/lib/ids'
import { parseQuery } from '@/lib/providers/list-query'
import { invalidParamsResponse, providerNotFoundResponse } from '@/lib/api/problems'
import { providerBody } from '@/lib/providers/load'
import { otherMethods } from '@/lib/api/methods'

const noParameters = z.strictObject({})

/** GET /api/v1/providers/{id}: one live provider; 404 for an unknown, malformed, archived or deleted id. */
export const GET = withApiClient(async ({ request, requestId, params, headers }) => {
  const parsed = parseQuery(noParameters, new URL(request.url).searchParams)
  if (!parsed.ok) return invalidParamsResponse(parsed.invalidParams, requestId)
  const id = params.id ?? ''
  // A malformed id cannot match, and PostgreSQL would reject it as a uuid: answer before querying.
  const body = isUuid(id) ? await providerBody(id) : undefined
  return body ? conditionalSerialisedResponse(request, body, requestId, headers) : providerNotFoundResponse(requestId)
})

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods()
