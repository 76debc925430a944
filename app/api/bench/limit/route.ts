import { conditionalSerialisedResponse } from '@/lib/api/conditional'
import { notFoundResponse, otherMethods } from '@/lib/api/methods'
import { withApiClient } from '@/lib/api/route'
import { env } from '@/lib/env'
import { precomputedBody } from '@/lib/providers/load'

// The benchmark's floor (bench/README.md, docs/decisions/0027): a page's bytes from memory, behind the same
// wrapper as the register API (token, limits, usage, headers). Only with BENCH_LIMIT_ROUTE=true; else a 404,
// as for any path the API does not have.
const served = withApiClient(async ({ request, requestId, headers }) => {
  const query = new URL(request.url).searchParams
  const body = await precomputedBody(query.get('of') === 'changes' ? 'changes' : 'providers', Number(query.get('per_page') ?? 100))
  return body ? conditionalSerialisedResponse(request, body, requestId, headers) : notFoundResponse(requestId)
})

/** GET /api/bench/limit?of=providers|changes&per_page=N (benchmarks only). */
export async function GET(request: Request, context: { params: Promise<Record<string, string | string[]>> }): Promise<Response> {
  if (!env().BENCH_LIMIT_ROUTE) return notFoundResponse()
  return served(request, context)
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods()
