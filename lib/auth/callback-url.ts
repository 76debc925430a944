const base = 'http://service.invalid'

/** Whether a path, as a browser would read it, stays on this service: one leading slash, no host. */
function isSameOriginPath(path: string): boolean {
  // `//host` and `/\host` are scheme-relative URLs to another host; control characters are dropped by
  // browsers, which can turn an innocent-looking string into one of those.
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\') || /[\u0000-\u001f\u007f]/.test(path)) return false
  return new URL(path, base).origin === base
}

/**
 * Where to go after signing in: the page the person asked for, if it is a path on this service.
 * Anything else (another host, `//evil.example`, `/\evil.example`, a sign-in loop) goes to the default.
 * The normalised result is checked, not only the input: `/..//evil.example` normalises to `//evil.example`.
 */
export function safeCallbackPath(candidate: string | undefined | null, fallback = '/api-clients'): string {
  if (!candidate || !isSameOriginPath(candidate)) return fallback
  const url = new URL(candidate, base)
  const result = `${url.pathname}${url.search}`
  if (!isSameOriginPath(result) || url.pathname === '/sign-in' || url.pathname.startsWith('/sign-in/')) return fallback
  return result
}
