import 'server-only'
import { getDb } from '@/db'
import { env } from '@/lib/env'
import { checkTokenShape } from './format'
import { createTokenVerifier, type TokenVerification } from './verify'

export * from './format'
export * from './verify'

/** Verifies a bearer token against this process's database with the server's pepper. */
export async function verifyToken(plaintext: string, now: Date): Promise<TokenVerification> {
  // Checked before getDb() too, so that junk does not even open the database on a cold start.
  const shape = checkTokenShape(plaintext)
  if (shape !== 'ok') return { ok: false, reason: shape }
  return createTokenVerifier(await getDb(), env().TOKEN_PEPPER)(plaintext, now)
}
