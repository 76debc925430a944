import { getToken } from 'next-auth/jwt'
import { NextResponse, type NextRequest } from 'next/server'
import { getDb } from '@/db'
import { secureCookiesEnabled } from '@/lib/auth/cookies'
import {
  errorPagePath,
  errorPageRewrite,
  forbiddenPageResponse,
  isDocumentRequest,
  isForbiddenPageRequest,
  withoutForgedErrorPageHeader,
} from '@/lib/auth/error-pages'
import { staffPageAccess } from '@/lib/auth/page-access'
import { signedInAtClaim } from '@/lib/auth/session-start'
import { systemClock } from '@/lib/clock'
import { env } from '@/lib/env'
import { flashCookieName } from '@/lib/flash-cookie'

// Pages anyone may see. Everything else under the matcher needs a session cookie.
const publicPaths = ['/sign-in', '/signed-out', '/account-not-active', '/cookies', '/accessibility', '/api-docs', '/api/auth']

function isPublic(pathname: string): boolean {
  return publicPaths.some((path) => pathname === path || pathname.startsWith(`${path}/`))
}

/** The Content-Security-Policy for one response: scripts only from us or carrying this request's nonce. */
export function contentSecurityPolicy(nonce: string, isDevelopment: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ''}`,
    `style-src 'self'${isDevelopment ? " 'unsafe-inline'" : ` 'nonce-${nonce}'`}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

function withSecurityHeaders(response: NextResponse, policy: string): NextResponse {
  response.headers.set('Content-Security-Policy', policy)
  response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin')
  response.headers.set('X-Content-Type-Options', 'nosniff')
  response.headers.set('X-Frame-Options', 'DENY')
  response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()')
  if (process.env.NODE_ENV === 'production') {
    response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains')
  }
  return response
}

/**
 * The request gate for staff pages (Next 16's middleware): sends signed-out visitors to sign in and
 * sets security headers. It only checks that a session cookie decrypts; pages and actions check the
 * person and their role in the database (never rely on this alone: CVE-2025-29927). It does not run
 * for /api/v1 or /api/health (see the matcher and docs/decisions/0001-bearer-check-in-route-wrapper.md).
 */
export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64')
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development')
  const { pathname, search } = request.nextUrl
  // Next's own trailing-slash redirect is off (next.config.ts) so that no /api path redirects; pages keep it.
  if (pathname.length > 1 && pathname.endsWith('/')) {
    // A plain URL (NextURL would put the slash back), its path set, never parsed, so //host/ stays on this site.
    const canonical = new URL(request.url)
    canonical.pathname = pathname.replace(/\/+$/, '') || '/'
    return withSecurityHeaders(NextResponse.redirect(canonical, 308), policy)
  }

  // Next reads the nonce from the request's CSP header and adds it to the scripts it renders.
  const requestHeaders = withoutForgedErrorPageHeader(new Headers(request.headers))
  requestHeaders.set('x-nonce', nonce)
  requestHeaders.set('Content-Security-Policy', policy)

  if (!isPublic(pathname)) {
    const token = await getToken({ req: request, secureCookie: secureCookiesEnabled(), secret: env().NEXTAUTH_SECRET })
    if (!token) {
      const signIn = new URL('/sign-in', request.url)
      if (pathname !== '/') signIn.searchParams.set('callbackUrl', `${pathname}${search}`)
      // 303 for a form post (a session that ran out mid-form): a 307 would post the form on to /sign-in.
      const status = request.method === 'GET' || request.method === 'HEAD' ? 307 : 303
      return withSecurityHeaders(NextResponse.redirect(signIn, status), policy)
    }
    // The 404 and 403 pages, whole without JavaScript (lib/auth/error-pages.ts). Next runs the proxy again
    // for the rewritten address, which is then left alone.
    if (pathname !== errorPagePath && isForbiddenPageRequest(requestHeaders))
      return withSecurityHeaders(errorPageRewrite(request, requestHeaders), policy)
    if (pathname !== errorPagePath && isDocumentRequest(request) && typeof token.sub === 'string') {
      const access = await staffPageAccess(await getDb(), { userId: token.sub, signedInAt: token[signedInAtClaim] }, pathname, request.nextUrl.searchParams, systemClock())
      if (access === 'not-found') return withSecurityHeaders(errorPageRewrite(request, requestHeaders), policy)
      if (access === 'forbidden') return forbiddenPageResponse(request)
    }
  }
  const response = withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), policy)
  // A success message is shown by the page this request renders and never again (lib/flash.ts). A raw
  // header, because response.cookies.delete() would also remove it from this request before the page reads it.
  if (request.cookies.has(flashCookieName)) response.headers.append('Set-Cookie', `${flashCookieName}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`)
  return response
}

export const config = {
  matcher: [
    // Nothing under /api but next-auth's /api/auth: the register API's route wrapper authenticates, and
    // app/api/[[...path]] answers any other /api path with JSON, never a redirect to sign-in. No static files.
    '/((?!api(?:/(?!auth(?:/|$))|$)|_next/static|_next/image|assets/|favicon.ico).*)',
  ],
}
