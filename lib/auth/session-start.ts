/**
 * The claim in the session token that says when the person signed in, in milliseconds since 1970.
 * Not the JWT's `iat`: next-auth re-issues the token (with a new `iat`) whenever /api/auth/session is
 * read, so a copied cookie could be refreshed past a sign-out. Custom claims are carried over unchanged.
 */
export const signedInAtClaim = 'signedInAt'

/**
 * Whether a session that started at `signedInAt` may still be used, given when the person's sessions
 * were last ended (sign-out, deactivation, "Sign out everywhere"). A token without the claim is refused:
 * it cannot show that it was issued after the last end.
 */
export function sessionStillValid(signedInAt: unknown, sessionsEndedAt: Date | null): boolean {
  if (typeof signedInAt !== 'number' || !Number.isFinite(signedInAt)) return false
  return sessionsEndedAt === null || signedInAt > sessionsEndedAt.getTime()
}
