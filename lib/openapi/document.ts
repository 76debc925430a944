import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi'
import { z } from 'zod'
import { paging, providerListQuerySchema } from '@/lib/providers/list-query'
import { changesQuerySchema, changesResponseSchema } from '@/lib/providers/change-schema'
import { providerListResponseSchema, providerResponseSchema } from '@/lib/providers/provider-schema'
import { headerRefs, infoResponseSchema, notModifiedResponse, problemResponses, registerComponents } from './components'

const description = `The register of teacher training providers in England, read-only.

Send an API client's token as \`Authorization: Bearer <token>\`. Responses are JSON; errors are
\`application/problem+json\` (RFC 9457). Every response has \`X-Request-Id\` and \`Cache-Control: no-store\`.
Each client may make 300 requests a minute, and each IP address 100 a minute that are refused for their token
(which never count against a valid token); over the limit the answer is 429 with \`Retry-After\`. A client may be
limited to certain IP addresses: its token sent from anywhere else is answered 403. In an incident
the API may be switched off: then every path answers 404. Unknown paths answer 404 and methods other than GET,
HEAD and OPTIONS 405, always as problem+json. Human-readable documentation is at /api-docs.`

const json = (schema: z.ZodType) => ({ 'application/json': { schema } })
const successHeaders = headerRefs('X-Request-Id', 'Cache-Control', 'API-Token-Expires', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset')
const taggedHeaders = headerRefs(
  'X-Request-Id',
  'Cache-Control',
  'ETag',
  'API-Token-Expires',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
)
const conditional = z.object({
  'If-None-Match': z
    .string()
    .optional()
    .meta({
      description: 'The ETag of the answer you hold: if it is still current, the response is 304 with no body.',
      examples: ['W/"3q2-7w_0fE1mYtB8nL0Qc0bW8q4lZ3Vn"'],
    }),
})

function registerPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/providers',
    operationId: 'listProviders',
    tags: ['Providers'],
    summary: 'List providers',
    description:
      'Live providers (never archived or deleted ones), ordered by `updated_at` and then `id`, a page at a time, for browsing and one-off reads. ' +
      `Pages have ${paging.defaultPerPage} providers unless \`per_page\` says otherwise (at most ${paging.maxPerPage}). ` +
      'Numbered pages shift when providers change between requests, archived and deleted providers simply drop out, and `updated_at` is when ' +
      'the changing transaction began, so a copy kept with `changed_since` can miss or keep rows: to keep a copy, use GET /providers/changes.',
    request: { query: providerListQuerySchema, headers: conditional },
    responses: {
      200: { description: 'A page of providers.', headers: taggedHeaders, content: json(providerListResponseSchema) },
      ...notModifiedResponse(),
      ...problemResponses('BadRequest', 'Unauthorized', 'Forbidden', 'TooManyRequests', 'InternalServerError', 'ServiceUnavailable'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/providers/{id}',
    operationId: 'getProvider',
    tags: ['Providers'],
    summary: 'Get a provider',
    description: 'One live provider with its accreditations, addresses and academic years. The endpoint takes no query parameters.',
    request: { params: z.object({ id: z.guid().meta({ description: 'The provider’s id.' }) }), headers: conditional },
    responses: {
      200: { description: 'The provider.', headers: taggedHeaders, content: json(providerResponseSchema) },
      ...notModifiedResponse(),
      ...problemResponses('BadRequest', 'Unauthorized', 'Forbidden', 'NotFound', 'TooManyRequests', 'InternalServerError', 'ServiceUnavailable'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/providers/changes',
    operationId: 'listProviderChanges',
    tags: ['Providers'],
    summary: 'Changes to providers, for keeping a copy',
    description:
      'The change feed. With no `cursor` it starts from the beginning of the register; follow `links.next` until `meta.has_more` is false, ' +
      'store `meta.next_cursor`, and poll from it later. Each entry is `updated` (the provider as GET /providers/{id} serves it: add or ' +
      'replace it) or `removed` (archived or deleted: drop it). Within a page a provider appears at most once, at its latest state. ' +
      'A change is served only once every transaction that could commit before it has committed, so a client that applies every page ' +
      'holds exactly the live register whenever it has caught up, whatever is written meanwhile. An idle poll answers `data: []`, ' +
      '`has_more: false` and the same cursor; send If-None-Match to get 304 instead. Cursors do not expire while the register lasts.',
    request: { query: changesQuerySchema, headers: conditional },
    responses: {
      200: { description: 'A page of changes.', headers: taggedHeaders, content: json(changesResponseSchema) },
      ...notModifiedResponse(),
      ...problemResponses('BadRequest', 'Unauthorized', 'Forbidden', 'SwitchedOff', 'Gone', 'TooManyRequests', 'InternalServerError', 'ServiceUnavailable'),
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
      ...problemResponses('Unauthorized', 'Forbidden', 'TooManyRequests', 'InternalServerError', 'ServiceUnavailable'),
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
      ...problemResponses('SwitchedOff', 'InternalServerError'),
    },
  })
}

type GeneratedDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>
type Operation = NonNullable<NonNullable<GeneratedDocument['paths']>[string]['get']>

/** Problem responses for the finished document, where schemas are written as references to components. */
function problemResponsesByRef(...names: Parameters<typeof problemResponses>) {
  const responses = problemResponses(...names)
  for (const response of Object.values(responses))
    response.content['application/problem+json'].schema = { $ref: '#/components/schemas/Problem' } as never
  return responses
}

const switchedOffToo = ' It is also the answer to every request while the API is switched off.'

/**
 * What every path has, whoever registered it (app/api/[[...path]] and lib/api/methods.ts): a 404 while
 * the API is switched off, and an OPTIONS that names the methods, beside which the 405 for any other
 * method is documented. Added here so that no path can be registered without them.
 */
function addWhatEveryPathAnswers(document: GeneratedDocument): GeneratedDocument {
  for (const item of Object.values(document.paths ?? {})) {
    const get = item.get
    if (!get?.responses) continue
    const notFound = get.responses['404']
    if (!notFound) Object.assign(get.responses, problemResponsesByRef('SwitchedOff'))
    else if ('description' in notFound && !notFound.description.endsWith(switchedOffToo)) notFound.description += switchedOffToo
    const options: Operation = {
      operationId: `${get.operationId ?? 'path'}Options`,
      tags: get.tags,
      summary: 'The methods this path answers',
      description:
        'Answers 204 with `Allow: GET, HEAD, OPTIONS` and needs no token. Any other method gets 405. HEAD answers as GET does, without the body.',
      security: [],
      parameters: get.parameters?.filter((parameter) => 'in' in parameter && parameter.in === 'path'),
      responses: {
        204: { description: 'The methods this path answers are in Allow.', headers: headerRefs('Allow', 'X-Request-Id', 'Cache-Control') },
        ...problemResponsesByRef('SwitchedOff', 'MethodNotAllowed'),
      },
    }
    item.options = options
  }
  return document
}

/** The OpenAPI 3.1 document of the register API, generated from the zod schemas the handlers parse with. */
export function generateOpenApiDocument() {
  const registry = new OpenAPIRegistry()
  registerComponents(registry)
  registerPaths(registry)
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Register of training providers API',
      version: 'v1',
      description,
      contact: { name: 'Department for Education', url: 'https://www.gov.uk/contact-dfe' },
      // Crown copyright data, published under the Open Government Licence like other GOV.UK data.
      license: { name: 'Open Government Licence v3.0', url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/' },
    },
    // Relative in the committed file, which describes every environment; GET /api/v1/openapi.json serves it
    // with this service's absolute address instead (lib/openapi/served.ts), which tools that import it need.
    servers: [{ url: '/api/v1', description: 'This service' }],
    security: [{ bearerAuth: [] }],
    tags: [
      { name: 'Providers', description: 'Teacher training providers in the register.' },
      { name: 'Service', description: 'The API itself.' },
    ],
  })
  return addWhatEveryPathAnswers(document)
}
