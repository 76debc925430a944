import 'server-only'
import { getDb } from '@/db'
import { clientAddress } from '@/lib/api/client-address'
import { systemClock } from '@/lib/clock'
import { env } from '@/lib/env'
import { authenticateWithPassword, type PasswordSignIn } from './credentials'

/**
 * Checks a password sign-in from a request: the caller is the client address by the same rules as the
 * register API's per-address limit (TRUST_PROXY; without it every caller shares one bucket).
 */
export async function signInWithEmailAndPassword(credentials: { email: string; password: string }, headers: Headers): Promise<PasswordSignIn> {
  const caller = clientAddress(headers, env().TRUST_PROXY)
  return authenticateWithPassword(await getDb(), { ...credentials, caller }, systemClock())
}
