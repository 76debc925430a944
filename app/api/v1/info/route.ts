import { jsonResponse } from '@/lib/api/responses'
import { withApiClient } from '@/lib/api/route'
import { infoResponseSchema } from '@/lib/openapi/components'
import { otherMethods } from '@/lib/api/methods'

/**
 * GET /api/v1/info: the API is up, which client the token belongs to, when it expires and, for a token
 * replaced by a regeneration, when its overlap ends (built through its OpenAPI schema).
 */
export const GET = withApiClient(async ({ client, requestId }) =>
  jsonResponse(
    infoResponseSchema.parse({
      status: 'ok',
      version: 'v1',
      client: { name: client.name, expires_on: client.expiresOn, token_stops_at: client.tokenStopsAt },
    }),
    requestId,
  ),
)

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods()
