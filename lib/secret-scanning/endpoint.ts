import 'server-only'
import { getDb } from '@/db'
import { isDatabaseUnavailable } from '@/db/errors'
import { clientAddress } from '@/lib/api/client-address'
import { notFoundResponse } from '@/lib/api/methods'
import { rateLimitHeaders } from '@/lib/api/rate-limit-headers'
import { consumeAddressRequest } from '@/lib/api/rate-limits'
import { apiHeaders, jsonResponse, problemResponse, tooManyRequestsResponse } from '@/lib/api/responses'
import { databaseUnavailableResponse, internalErrorResponse } from '@/lib/api/route'
import { systemClock } from '@/lib/clock'
import { env, leakNoticeNotifySettings, serviceAddress } from '@/lib/env'
import { describeError, logger } from '@/lib/logger'
import { notifyEmailSender } from '@/lib/reminders/notify'
import { readBoundedBody, tooLarge } from './body'
import { takeInLeakReport } from './intake'
import { sendLeakNotice, type LeakNoticeSettings } from './leak-notice'
import { PublicKeyStore } from './public-keys'
import { parseReport } from './report'
import { isValidSignature, readSignedHeaders } from './signature'
import { currentRequestId } from '@/lib/http/request-id'

/** GitHub sends matches in batches; 1 MB holds thousands of them and bounds what one request can make us hold. */
export const maxReportBytes = 1_000_000
const keyListTtlMs = 60 * 60 * 1_000
const minRefetchMs = 60 * 1_000

// One store per process and keys URL, on globalThis so that every bundle of this module shares its cache and its fetch limit.
const holder = globalThis as typeof globalThis & { __secretScanningKeys?: Map<string, PublicKeyStore> }

function keyStore(url: string): PublicKeyStore {
  holder.__secretScanningKeys ??= new Map()
  let store = holder.__secretScanningKeys.get(url)
  if (!store) {
    store = new PublicKeyStore({ url, ttlMs: keyListTtlMs, minRefetchMs })
    holder.__secretScanningKeys.set(url, store)
  }
  return store
}

function leakNoticeSettings(): LeakNoticeSettings | undefined {
  const notify = leakNoticeNotifySettings()
  if (!notify) return undefined
  return { send: notifyEmailSender(notify), templateId: notify.templateId, serviceAddress: serviceAddress() }
}

// One answer for every refused signature, so a caller cannot tell a missing header from a wrong key or signature.
const unsignedResponse = (requestId: string) =>
  problemResponse(
    { status: 401, title: 'Unauthorized', detail: 'Reports must be signed by GitHub: Github-Public-Key-Identifier and Github-Public-Key-Signature.' },
    requestId,
  )

/** Checks the signature on the exact bytes, then takes the report in; every refusal is problem+json and changes nothing. */
async function verifiedReport(request: Request, requestId: string, keysUrl: string): Promise<Response> {
  // The headers first: a request that cannot be GitHub's is refused before its body is read.
  const signed = readSignedHeaders(request.headers)
  if (!signed) return unsignedResponse(requestId)
  const body = await readBoundedBody(request, maxReportBytes)
  if (body === tooLarge) {
    return problemResponse({ status: 413, title: 'Content Too Large', detail: `A report may be at most ${maxReportBytes} bytes.` }, requestId)
  }
  const lookup = await keyStore(keysUrl).keyFor(signed.keyIdentifier)
  if (lookup.outcome === 'unavailable') {
    logger.error('secret scanning: a report was refused because no public key could be fetched')
    return problemResponse({ status: 503, title: 'Service Unavailable', detail: 'The signing keys cannot be fetched. Try again shortly.' }, requestId, {
      'Retry-After': '60',
    })
  }
  if (lookup.outcome !== 'found' || !isValidSignature(body, signed.signature, lookup.key)) {
    logger.warn('secret scanning: a report with a bad signature was refused', { keyIdentifier: signed.keyIdentifier, key: lookup.outcome })
    return unsignedResponse(requestId)
  }
  const matches = parseReport(body)
  if (!matches) {
    return problemResponse(
      { status: 400, title: 'Bad Request', detail: 'The body must be a JSON array of objects with token, type, url and source.' },
      requestId,
    )
  }
  const db = await getDb()
  const notice = leakNoticeSettings()
  const result = await takeInLeakReport(db, matches, {
    pepper: env().TOKEN_PEPPER,
    now: systemClock(),
    afterRevoking: async (revoked) => void (await sendLeakNotice(db, notice, revoked)),
  })
  logger.info('secret scanning: report taken in', { matches: matches.length, revoked: result.revokedClientIds.length })
  return jsonResponse(result.answers, requestId)
}

/**
 * POST /api/secret-scanning, GitHub's secret-scanning partner endpoint (docs/product/secret-scanning.md). It is
 * not there (404, as any unknown /api path) unless SECRET_SCANNING_KEYS_URL is set, and it is rate-limited per
 * caller address (TRUST_PROXY) in a bucket of its own, so refused API tokens from the same address cannot use it up.
 */
export async function receiveLeakReport(request: Request): Promise<Response> {
  // The front door's id (lib/http/request-id.ts), so the body's request_id matches the X-Request-Id header and the logs.
  const requestId = currentRequestId()
  const keysUrl = env().SECRET_SCANNING_KEYS_URL
  if (!keysUrl || new URL(request.url).pathname.endsWith('/')) return notFoundResponse(requestId)
  try {
    const limit = await consumeAddressRequest(`secret-scanning:${clientAddress(request.headers, env().TRUST_PROXY)}`)
    if (!limit.allowed) return tooManyRequestsResponse(requestId, rateLimitHeaders(limit))
    return await verifiedReport(request, requestId, keysUrl)
  } catch (error) {
    if (isDatabaseUnavailable(error)) return databaseUnavailableResponse(requestId)
    logger.error('secret scanning: unexpected error', describeError(error))
    return internalErrorResponse(requestId)
  }
}

/** Every other method: 405 with `Allow: POST` (OPTIONS: 204), or 404 while the endpoint is switched off. */
export async function otherLeakReportMethod(request: Request): Promise<Response> {
  // The front door's id (lib/http/request-id.ts), so the body's request_id matches the X-Request-Id header and the logs.
  const requestId = currentRequestId()
  if (!env().SECRET_SCANNING_KEYS_URL) return notFoundResponse(requestId)
  if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: apiHeaders(requestId, { Allow: 'POST, OPTIONS' }) })
  return problemResponse({ status: 405, title: 'Method Not Allowed', detail: 'This address answers POST only.' }, requestId, { Allow: 'POST, OPTIONS' })
}
