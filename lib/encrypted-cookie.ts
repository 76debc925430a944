import 'server-only'
import { decode, encode } from 'next-auth/jwt'
import { cookies } from 'next/headers'
import { secureCookiesEnabled } from '@/lib/auth/cookies'
import { env } from '@/lib/env'

/**
 * Small values kept in an encrypted, tamper-proof cookie (the same JWE next-auth uses for sessions, with
 * its own salt per cookie): drafts between the steps of a form. Never for secrets like tokens.
 */
export async function writeEncryptedCookie(name: string, value: Record<string, unknown>, maxAgeSeconds: number): Promise<void> {
  const token = await encode({ token: value, secret: env().NEXTAUTH_SECRET, salt: name, maxAge: maxAgeSeconds })
  const jar = await cookies()
  jar.set(name, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookiesEnabled(), maxAge: maxAgeSeconds })
}

/** The value of an encrypted cookie, or undefined if it is missing, expired or was tampered with. */
export async function readEncryptedCookie(name: string): Promise<Record<string, unknown> | undefined> {
  const token = (await cookies()).get(name)?.value
  if (!token) return undefined
  try {
    return (await decode({ token, secret: env().NEXTAUTH_SECRET, salt: name })) ?? undefined
  } catch {
    return undefined
  }
}

/** Removes a cookie. */
export async function deleteCookie(name: string): Promise<void> {
  ;(await cookies()).delete(name)
}
