import { notFoundResponse, otherMethods } from '@/lib/api/methods'
import { rateLimitHeaders } from '@/lib/api/rate-limit-headers'
import { addressNotAllowedResponse, tooManyRequestsResponse, unauthorisedResponse } from '@/lib/api/responses'
import { databaseUnavailableResponse, internalErrorResponse } from '@/lib/api/route'
import { cursorGoneResponse, invalidParamsResponse, providerNotFoundResponse } from '@/lib/api/problems'
import { parseProviderListQuery } from '@/lib/providers/list-query'

// Built by the same functions as the API's real responses, so the page cannot show an answer the API does not give.

const exampleRequestId = '0b8f3c2e-7d41-4a3e-9f6b-2c5d8e1a4b7f'

export type ErrorExample = { status: number; request: string; response: string }

/** A response as it would appear on the wire: status line, headers, a blank line and the body. */
async function asText(response: Response): Promise<string> {
  const headers = [...response.headers.entries()]
    .filter(([name]) => name !== 'x-content-type-options')
    .map(([name, value]) => `${name.replace(/(^|-)[a-z]/g, (letter) => letter.toUpperCase())}: ${name === 'x-request-id' ? exampleRequestId : value}`)
  const body = await response.text()
  const pretty = body ? JSON.stringify({ ...(JSON.parse(body) as object), request_id: exampleRequestId }, null, 2) : ''
  return [`HTTP/1.1 ${response.status} ${statusText[response.status] ?? ''}`, ...headers, '', pretty].join('\n')
}

const statusText: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

function badRequest(): Response {
  const parsed = parseProviderListQuery(new URLSearchParams('per_page=1000'))
  if (parsed.ok) throw new Error('per_page=1000 should be refused')
  return invalidParamsResponse(parsed.invalidParams, exampleRequestId)
}

/** One example of every error status the register API answers with, and a request that gets it. */
export async function errorExamples(): Promise<ErrorExample[]> {
  const limited = rateLimitHeaders({ allowed: false, limit: 300, remaining: 0, msBeforeReset: 42_000 })
  const refused = rateLimitHeaders({ allowed: true, limit: 100, remaining: 99, msBeforeReset: 60_000 })
  const examples: [string, Response | Promise<Response>][] = [
    ['GET /api/v1/providers?per_page=1000', badRequest()],
    ['GET /api/v1/info with a token that is missing, wrong, expired or revoked', unauthorisedResponse(exampleRequestId, refused)],
    ['GET /api/v1/info with a valid token, from an IP address its client does not allow', addressNotAllowedResponse(exampleRequestId, refused)],
    ['GET /api/v1/providers/6f1c1b4e-5a3d-4f7e-9c2b-000000000000', providerNotFoundResponse(exampleRequestId)],
    ['GET /api/v2/providers, any path the API does not have, and every path while the API is switched off', notFoundResponse(exampleRequestId)],
    ['DELETE /api/v1/providers', otherMethods({ switchedOffWithApi: false }).DELETE(new Request('http://register.invalid/api/v1/providers'))],
    ['GET /api/v1/providers/changes with a cursor from another environment', cursorGoneResponse(exampleRequestId)],
    ['The 301st request in a minute with one token', tooManyRequestsResponse(exampleRequestId, limited)],
    ['Any request, when something goes wrong on our side', internalErrorResponse(exampleRequestId)],
    ['Any request, when the register’s database cannot be reached', databaseUnavailableResponse(exampleRequestId)],
  ]
  return Promise.all(
    examples.map(async ([request, response]) => {
      const resolved = await response
      return { status: resolved.status, request, response: await asText(resolved) }
    }),
  )
}
