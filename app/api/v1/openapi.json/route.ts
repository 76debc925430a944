import { jsonResponse } from '@/lib/api/responses'
import { publicApiRoute } from '@/lib/api/route'
import document from '@/openapi/v1.json'

/** GET /api/v1/openapi.json: the committed OpenAPI document, which a test keeps equal to the generated one. */
export const GET = publicApiRoute(async ({ requestId }) => jsonResponse(document, requestId))
