import { withApiClient } from '@/lib/api/route'
import { jsonResponse } from '@/lib/api/responses'

/** GET /api/v1/info: the API is up, and which client the token belongs to. */
export const GET = withApiClient(async ({ client, requestId }) =>
  jsonResponse({ status: 'ok', version: 'v1', client: { name: client.name, expires_on: client.expiresOn } }, requestId),
)
