import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi'
import { z } from 'zod'
import { tokenPatternSource } from '@/lib/tokens/format'

/** RFC 9457 problem details, as every error of the register API is written. */
export const problemSchema = z
  .object({
    type: z.string().meta({ description: 'Always about:blank: the status and title say what went wrong.', examples: ['about:blank'] }),
    title: z.string().meta({ description: 'The HTTP status phrase.', examples: ['Not Found'] }),
    status: z.int().meta({ examples: [404] }),
    detail: z.string().optional().meta({ description: 'What went wrong, for a person to read.' }),
    request_id: z.guid().meta({ description: 'The X-Request-Id of the response: quote it if you contact us about an error.' }),
  })
  .meta({ id: 'Problem' })

/** A 400 problem, naming each parameter that was refused and why. */
export const invalidParamsProblemSchema = problemSchema
  .extend({
    invalid_params: z
      .array(
        z.object({
          name: z.string().meta({ examples: ['per_page'] }),
          reason: z.string().meta({ examples: ['must be a whole number from 1 to 500'] }),
        }),
      )
      .meta({ description: 'Every refused query parameter: unknown, repeated or with a value it cannot have.' }),
  })
  .meta({ id: 'InvalidParamsProblem' })

/** The body of GET /api/v1/info. */
export const infoResponseSchema = z
  .object({
    status: z.literal('ok'),
    version: z.literal('v1'),
    client: z.object({
      name: z.string().meta({ description: 'The name of the API client the token belongs to.' }),
      expires_on: z.iso.date().meta({ description: 'The last day the token works (UK time): it is refused from 00:00 UK time the day after.' }),
      token_stops_at: z.iso
        .datetime()
        .nullable()
        .meta({
          description:
            'When this token stops working, if that is before the client expires: the end of the overlap after the token was regenerated. ' +
            'null otherwise. Switch to the new token before then.',
          examples: ['2026-12-02T14:15:00.000Z'],
        }),
    }),
  })
  .meta({ id: 'Info' })

const integerHeader = (description: string) => ({ description, schema: { type: 'integer' as const, minimum: 0 } })

/** Response headers, by name, each registered once under components/headers. */
const headers = {
  'X-Request-Id': { description: 'A unique id for this response, also in the server’s logs.', schema: { type: 'string' as const, format: 'uuid' } },
  'Cache-Control': {
    description: 'Always no-store: register data must not be kept by caches on the way.',
    schema: { type: 'string' as const, const: 'no-store' },
  },
  'API-Token-Expires': {
    description:
      'The last day (UK time) the token works, as YYYY-MM-DD, on every response to a valid token: ask for a new token before then. ' +
      'A regenerated token’s overlap may end earlier: GET /info says when, in token_stops_at.',
    schema: { type: 'string' as const, format: 'date' },
  },
  'RateLimit-Limit': integerHeader('How many requests the client may make in each minute.'),
  'RateLimit-Remaining': integerHeader('How many requests are left in the current minute.'),
  'RateLimit-Reset': integerHeader('Seconds until the current minute’s count starts again.'),
  'Retry-After': integerHeader('Seconds to wait before trying again.'),
  Allow: { description: 'The methods this path answers: always GET, HEAD, OPTIONS.', schema: { type: 'string' as const, const: 'GET, HEAD, OPTIONS' } },
  ETag: {
    description: 'A weak entity tag of the body. Send it back as If-None-Match to get 304 Not Modified, with no body, while the answer is unchanged.',
    schema: { type: 'string' as const },
  },
  'WWW-Authenticate': {
    description: 'Always Bearer realm="register", error="invalid_token", whatever was wrong with the token.',
    schema: { type: 'string' as const },
  },
} as const

export type HeaderName = keyof typeof headers

/** References to registered headers, for a response's `headers`. */
export function headerRefs(...names: HeaderName[]) {
  return Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]))
}

const problems = {
  BadRequest: {
    status: 400,
    description: 'A query parameter is unknown, repeated, or has a value it cannot have. `invalid_params` names each one.',
    extra: ['API-Token-Expires'],
  },
  Unauthorized: {
    status: 401,
    description:
      'The token is missing, malformed, unknown, expired or revoked, its client deleted, or it was regenerated and its overlap has ended: always the same answer.',
    extra: ['WWW-Authenticate', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'],
  },
  Forbidden: {
    status: 403,
    description:
      'The token is valid, but its API client only accepts requests from certain IP addresses, and this one came from elsewhere. ' +
      'The answer does not say which addresses are allowed: ask the person who manages the client.',
    extra: ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'],
  },
  NotFound: { status: 404, description: 'There is no such provider, or it is archived or deleted.', extra: ['API-Token-Expires'] },
  SwitchedOff: { status: 404, description: 'The API is switched off (in an incident): every path answers 404.', extra: [] },
  MethodNotAllowed: {
    status: 405,
    description: 'The answer to any method but GET, HEAD and OPTIONS (POST, PUT, PATCH, DELETE): the API is read-only.',
    extra: ['Allow'],
  },
  Gone: {
    status: 410,
    description:
      'The cursor is not one this register can carry on from (it came from another environment, or from before the register was restored). ' +
      'Start again without a cursor and replace your copy with what the feed serves.',
    extra: ['API-Token-Expires'],
  },
  TooManyRequests: {
    status: 429,
    description: 'The client (or, without a valid token, the IP address) made too many requests this minute.',
    extra: ['Retry-After', 'API-Token-Expires', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'],
  },
  InternalServerError: { status: 500, description: 'Something went wrong on our side. Quote the request_id if you contact us.', extra: [] },
  ServiceUnavailable: {
    status: 503,
    description: 'The register cannot be reached just now. Try again after Retry-After seconds.',
    extra: ['Retry-After'],
  },
} as const satisfies Record<string, { status: number; description: string; extra: HeaderName[] }>

export type ProblemName = keyof typeof problems

/** The problem responses a path can give, by status code. */
export function problemResponses(...names: ProblemName[]) {
  return Object.fromEntries(
    names.map((name) => {
      const { status, description, extra } = problems[name]
      const schema = name === 'BadRequest' ? invalidParamsProblemSchema : problemSchema
      return [
        String(status),
        { description, headers: headerRefs('X-Request-Id', 'Cache-Control', ...extra), content: { 'application/problem+json': { schema } } },
      ]
    }),
  )
}

/** Registers the security scheme and the response headers. */
export function registerComponents(registry: OpenAPIRegistry): void {
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'rotp token',
    description:
      'An API client’s token, sent as `Authorization: Bearer <token>`. Staff at the Department for Education create API clients and give ' +
      `each token to its holder once. Tokens match the regular expression \`${tokenPatternSource}\`, which secret scanners can use to find leaked ones.`,
  })
  for (const [name, header] of Object.entries(headers)) registry.registerComponent('headers', name, header)
}

/** The 304 of an endpoint that sends ETag: the client's copy is current, so only headers come back. */
export function notModifiedResponse() {
  return {
    304: {
      description: 'Not Modified: If-None-Match named the current ETag. No body.',
      headers: headerRefs('X-Request-Id', 'Cache-Control', 'ETag', 'API-Token-Expires', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'),
    },
  }
}
