import 'server-only'
import { verifyToken, type TokenVerification } from '@/lib/tokens'

export type Authentication = TokenVerification | { ok: false; reason: 'missing' }

/** Checks a bearer token, if there is one. */
export async function authenticate(token: string | undefined, now: Date): Promise<Authentication> {
  if (token === undefined) return { ok: false, reason: 'missing' }
  return verifyToken(token, now)
}
