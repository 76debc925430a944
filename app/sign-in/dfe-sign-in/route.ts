import NextAuth from 'next-auth'
import { NextRequest, NextResponse } from 'next/server'
import { safeCallbackPath } from '@/lib/auth/callback-url'
import { dfeSignInProviderId } from '@/lib/auth/dfe-sign-in-provider'
import { authOptions } from '@/lib/auth/options'
import { dfeSignInSettings } from '@/lib/env'

// Set when next-auth has just issued its CSRF cookie, to come back once with it and never loop.
const retriedParameter = 'csrf-cookie'

/** Calls next-auth's own route handler in this request, as if the browser had asked for /api/auth/<action>. */
async function nextAuth(request: NextRequest, action: string[], init?: { method: string; body: URLSearchParams }): Promise<Response> {
  const url = new URL(`/api/auth/${action.join('/')}`, request.url)
  const headers = init ? { 'content-type': 'application/x-www-form-urlencoded' } : undefined
  const inner = new NextRequest(url, init ? { method: init.method, body: init.body, headers } : undefined)
  return (await NextAuth(inner, { params: Promise.resolve({ nextauth: action }) }, authOptions())) as Response
}

// Relative: a route handler's request.url may name another host than the browser used (localhost for 127.0.0.1).
function seeOther(path: string, query: Record<string, string>): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: `${path}?${new URLSearchParams(query)}`, 'Cache-Control': 'no-store' } })
}

function signInPage(callbackPath: string, error?: string): NextResponse {
  return seeOther('/sign-in', { callbackUrl: callbackPath, ...(error ? { error } : {}) })
}

/**
 * Starts signing in with DfE Sign-in from a plain link, so it works without JavaScript and is a
 * navigation rather than a form post (see docs/decisions/0010-dfe-sign-in-starts-from-a-link.md). next-auth
 * starts OAuth only on a POST carrying its CSRF token, so this asks next-auth for the token (its cookie
 * comes from the browser) and makes that POST inside this request. The first time, the browser has no
 * CSRF cookie yet: next-auth issues one and the browser is sent back here once to present it.
 */
export async function GET(request: NextRequest) {
  const callbackPath = safeCallbackPath(request.nextUrl.searchParams.get('callbackUrl'))
  // Another site may link to sign-in, but not start it: that could sign someone in without their asking.
  if (!dfeSignInSettings() || request.headers.get('sec-fetch-site') === 'cross-site') return signInPage(callbackPath)

  const csrf = await nextAuth(request, ['csrf'])
  const issued = csrf.headers.getSetCookie().filter((cookie) => /^(__Host-)?next-auth\.csrf-token=/.test(cookie))
  if (issued.length > 0) {
    if (request.nextUrl.searchParams.has(retriedParameter)) return signInPage(callbackPath, 'CookiesRequired')
    const response = seeOther(request.nextUrl.pathname, { callbackUrl: callbackPath, [retriedParameter]: '1' })
    for (const cookie of issued) response.headers.append('Set-Cookie', cookie)
    return response
  }

  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const started = await nextAuth(request, ['signin', dfeSignInProviderId], {
    method: 'POST',
    body: new URLSearchParams({ csrfToken, callbackUrl: callbackPath }),
  })
  started.headers.set('Cache-Control', 'no-store')
  return started
}
