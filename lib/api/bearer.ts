/** The token from an `Authorization: Bearer <token>` header (scheme case-insensitive), or undefined. */
export function bearerToken(header: string | null): string | undefined {
  if (!header) return undefined
  const match = /^Bearer +(\S+) *$/i.exec(header)
  return match?.[1]
}
