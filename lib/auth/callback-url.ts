/**
 * Where to go after signing in: the page the person asked for, if it is a path on this service.
 * Anything else (another host, `//evil.example`, `/\evil.example`, a sign-in loop) goes to the default.
 */
export function safeCallbackPath(candidate: string | undefined | null, fallback = '/api-clients'): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) return fallback
  if (/[\u0000-\u001f]/.test(candidate)) return fallback
  const url = new URL(candidate, 'http://service.invalid')
  if (url.origin !== 'http://service.invalid' || url.pathname.startsWith('/sign-in')) return fallback
  return `${url.pathname}${url.search}`
}
