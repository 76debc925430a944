import { env } from '@/lib/env'

/** Sessions last a working day; every request re-checks the person in the database anyway. */
export const sessionMaxAgeSeconds = 8 * 60 * 60

/** Whether cookies carry the __Secure- prefix and Secure flag: whenever the service is served over HTTPS. */
export function secureCookiesEnabled(): boolean {
  return env().NEXTAUTH_URL?.startsWith('https://') ?? false
}

/** The name next-auth gives its session cookie. */
export function sessionCookieName(): string {
  return `${secureCookiesEnabled() ? '__Secure-' : ''}next-auth.session-token`
}
