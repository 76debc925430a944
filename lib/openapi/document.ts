import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi'
import { z } from 'zod'
import { paging, providerListQuerySchema } from '@/lib/providers/list-query'
import { providerListResponseSchema, providerResponseSchema } from '@/lib/providers/provider-schema'
import { headerRefs, infoResponseSchema, problemResponses, registerComponents } from './components'

const description = `The register of teacher training providers in England, read-only.

Send an API client's token as \`Authorization: Bearer <token>\`. Responses are JSON; errors are
\`application/problem+json\` (RFC 9457). Every response has \`X-Request-Id\` and \`Cache-Control: no-store\`.
Each client may make 300 requests a minute, and each IP address 100 a minute without a valid token; over the
limit the answer is 429 with \`Retry-After\`. In an incident the API may be switched off: then every endpoint
answers 404. Human-readable documentation is at /api-docs.`

const json = (schema: z.ZodType) => ({ 'application/json': { schema } })
const successHeaders = headerRefs('X-Request-Id', 'Cache-Control', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset')

function registerPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/providers',
    operationId: 'listProviders',
    tags: ['Providers'],
    summary: 'List providers',
    description:
      'Live providers (never archived or deleted ones), ordered by `updated_at` and then `id`, a page at a time. ' +
      `Pages have ${paging.defaultPerPage} providers unless \`per_page\` says otherwise (at most ${paging.maxPerPage}). ` +
      'To keep a copy up to date, ask for `changed_since` the latest `updated_at` you hold, and follow `links.next` until it is null.',
    request: { query: providerListQuerySchema },
    responses: {
      200: { description: 'A page of providers.', headers: successHeaders, content: json(providerListResponseSchema) },
      ...problemResponses('BadRequest', 'Unauthorized', 'TooManyRequests', 'InternalServerError', 'ServiceUnavailable'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/providers/{id}',
    operationId: 'getProvider',
    tags: ['Providers'],
    summary: 'Get a provider',
    description: 'One live provider with its accreditations, addresses and academic years. The endpoint takes no query parameters.',
    request: { params: z.object({ id: z.guid().meta({ description: 'The provider’s id.' }) }) },
    responses: {
      200: { description: 'The provider.', headers: successHeaders, content: json(providerResponseSchema) },
      ...problemResponses('BadRequest', 'Unauthorized', 'NotFound', 'TooManyRequests', 'InternalServerError', 'ServiceUnavailable'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/info',
    operationId: 'getInfo',
    tags: ['Service'],
    summary: 'Check the API and your token',
    description: 'Answers when the API is up and the token works, with the name and expiry date of the token’s API client.',
    responses: {
      200: { description: 'The API is up and the token is valid.', headers: successHeaders, content: json(infoResponseSchema) },
      ...problemResponses('Unauthorized', 'TooManyRequests', 'InternalServerError', 'ServiceUnavailable'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    tags: ['Service'],
    summary: 'This document',
    description: 'The OpenAPI 3.1 description of the API. It needs no token.',
    security: [],
    responses: {
      200: {
        description: 'The OpenAPI document.',
        headers: headerRefs('X-Request-Id', 'Cache-Control'),
        content: { 'application/json': { schema: { type: 'object' } } },
      },
      ...problemResponses('InternalServerError'),
    },
  })
}

/** The OpenAPI 3.1 document of the register API, generated from the zod schemas the handlers parse with. */
export function generateOpenApiDocument() {
  const registry = new OpenAPIRegistry()
  registerComponents(registry)
  registerPaths(registry)
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Register of training providers API', version: 'v1', description },
    // Relative to where the document is served, so the same file describes every environment.
    servers: [{ url: '/api/v1', description: 'This service' }],
    security: [{ bearerAuth: [] }],
    tags: [
      { name: 'Providers', description: 'Teacher training providers in the register.' },
      { name: 'Service', description: 'The API itself.' },
    ],
  })
}
