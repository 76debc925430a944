import { randomUUID } from 'node:crypto'
import { NextResponse, type NextRequest } from 'next/server'

/**
 * A path no route matches: Next renders app/not-found.tsx for it, whole, with status 404. Rewriting a
 * request to it is how the proxy serves the 404 page without JavaScript (a notFound() thrown by a page
 * sends an empty document in a production build; the words arrive only with JavaScript).
 */
export const errorPagePath = '/_register/error-page'

// The proxy asks its own server for the 403 page with this header, and app/not-found.tsx then shows the
// 403 page's words. Its value is made fresh in each process and kept on globalThis, where the proxy and the
// pages (separate bundles, one process) both find it: nobody outside can send it.
const forbiddenRequestHeader = 'x-register-forbidden'
const holder = globalThis as typeof globalThis & { __registerForbiddenSecret?: string }
const forbiddenRequestSecret = (holder.__registerForbiddenSecret ??= randomUUID())

/** A browser loading a page itself (not a client-side navigation, prefetch or server action, which Next answers well). */
export function isDocumentRequest(request: NextRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false
  return !request.headers.has('rsc') && !request.headers.has('next-router-prefetch') && !request.headers.has('next-action')
}

/** Whether this request is the proxy's own, for the 403 page's HTML (see forbiddenPageResponse). */
export function isForbiddenPageRequest(headers: Headers): boolean {
  return headers.get(forbiddenRequestHeader) === forbiddenRequestSecret
}

/** Takes out a forbidden-page header the proxy did not set, so a caller cannot send one. */
export function withoutForgedErrorPageHeader(headers: Headers): Headers {
  if (!isForbiddenPageRequest(headers)) headers.delete(forbiddenRequestHeader)
  return headers
}

/** The 404 page (or, for the proxy's own request, the 403 page's words) rendered whole at the same address. */
export function errorPageRewrite(request: NextRequest, requestHeaders: Headers): NextResponse {
  return NextResponse.rewrite(new URL(errorPagePath, request.url), { request: { headers: requestHeaders } })
}

/**
 * The 403 page, whole, with status 403. Next cannot render a page with any status but 200 or 404 without
 * JavaScript, so the proxy asks its own server (the address `next start` listens on, never one taken from
 * the request) for the 404 rendering with the 403 words, and answers with its body, headers and 403.
 */
export async function forbiddenPageResponse(request: NextRequest): Promise<Response> {
  const origin = process.env.__NEXT_PRIVATE_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`
  const headers = new Headers({ [forbiddenRequestHeader]: forbiddenRequestSecret })
  for (const name of ['cookie', 'accept', 'accept-language', 'user-agent']) {
    const value = request.headers.get(name)
    if (value !== null) headers.set(name, value)
  }
  const page = await fetch(new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, origin), {
    method: request.method,
    headers,
    redirect: 'manual',
  })
  const responseHeaders = new Headers(page.headers)
  // fetch has already decoded the body, and the length is the server's to work out again.
  for (const name of ['content-encoding', 'content-length', 'transfer-encoding', 'connection']) responseHeaders.delete(name)
  // The inner answer's x-middleware-rewrite would make Next rewrite this request again, dropping the 403.
  for (const name of [...responseHeaders.keys()]) if (name.startsWith('x-middleware-')) responseHeaders.delete(name)
  return new Response(page.body, { status: 403, headers: responseHeaders })
}
