import { currentRequestId } from '@/lib/http/request-id'
import { isShuttingDown } from '@/lib/http/shutdown-state'
import { pingDatabase } from '@/db'
import { problemResponse } from '@/lib/api/responses'
import { describeError, logger } from '@/lib/logger'
import { isUnservedAddress, notFoundResponse, otherMethods } from '@/lib/api/methods'

// Load balancers give up on a probe after a few seconds; answer 503 before they do rather than hang.
const timeoutMs = 2_000

async function databaseAnswers(): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the database within ${timeoutMs} ms`)), timeoutMs)
  })
  try {
    await Promise.race([pingDatabase(), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Readiness: 200 when the database answers `select 1`, else a 503 problem that gives no details away. From
 * the moment the instance is told to stop it answers 503 at once, so its load balancer sends new requests
 * elsewhere while it finishes those in flight (lib/http/shutdown.ts).
 */
export async function GET(request: Request): Promise<Response> {
  const requestId = currentRequestId()
  if (isUnservedAddress(request, { switchedOffWithApi: false })) return notFoundResponse(requestId)
  if (isShuttingDown()) return problemResponse({ status: 503, title: 'Service Unavailable' }, requestId, { 'Retry-After': '5' })
  try {
    await databaseAnswers()
    return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store', 'X-Request-Id': requestId } })
  } catch (error) {
    logger.error('readiness: database unavailable', describeError(error))
    return problemResponse({ status: 503, title: 'Service Unavailable' }, requestId, { 'Retry-After': '5' })
  }
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ switchedOffWithApi: false })
