import { otherMethods } from '@/lib/api/methods'
import { jsonResponse } from '@/lib/api/responses'
import { publicApiRoute } from '@/lib/api/route'
import { env } from '@/lib/env'
import { publicBaseUrl, servedOpenApiDocument } from '@/lib/openapi/served'
import document from '@/openapi/v1.json'

/**
 * GET /api/v1/openapi.json: the committed OpenAPI document (which a test keeps equal to the generated
 * one) with this service's absolute server URL.
 */
export const GET = publicApiRoute(async ({ requestId }) => jsonResponse(servedOpenApiDocument(document, publicBaseUrl(env())), requestId))

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods()
