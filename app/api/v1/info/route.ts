import { infoBodyBytes } from '@/lib/api/info-body'
import { jsonTextResponse } from '@/lib/api/responses'
import { withApiClient } from '@/lib/api/route'
import { otherMethods } from '@/lib/api/methods'

/**
 * GET /api/v1/info: the API is up, which client the token belongs to, when it expires and, for a token
 * replaced by a regeneration, when its overlap ends (to its OpenAPI schema: lib/api/info-body.ts).
 */
export const GET = withApiClient(async ({ client, requestId, headers }) => jsonTextResponse(infoBodyBytes(client), requestId, { headers }))

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods()
