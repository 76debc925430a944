import type { Env } from '@/lib/env'

/**
 * The absolute address of this service for documents that leave it: PUBLIC_URL, else NEXTAUTH_URL, else
 * the development server's in development. Never the request's Host header, which the caller writes.
 * Undefined in production with neither set: the document then keeps its relative server URL.
 */
export function publicBaseUrl(values: Pick<Env, 'PUBLIC_URL' | 'NEXTAUTH_URL' | 'NODE_ENV'>): string | undefined {
  const base = values.PUBLIC_URL ?? values.NEXTAUTH_URL
  if (base) return base.replace(/\/+$/, '')
  return values.NODE_ENV === 'production' ? undefined : 'http://localhost:3000'
}

/** The OpenAPI document as served: its server URL made absolute, so that tools importing it get working request URLs. */
export function servedOpenApiDocument<T extends { servers?: { url: string; description?: string }[] }>(document: T, baseUrl: string | undefined): T {
  if (!baseUrl) return document
  // Appended, not resolved, so that a service served under a path (https://host/register) keeps it.
  const absolute = (url: string) => (url.startsWith('/') ? `${baseUrl}${url}` : url)
  return { ...document, servers: (document.servers ?? []).map((server) => ({ ...server, url: absolute(server.url) })) }
}
