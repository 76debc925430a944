import { readFileSync } from 'node:fs'
import { encode } from 'next-auth/jwt'
import { e2eEnvironment, e2eFixturesFile } from './environment'

const port = process.env.E2E_PORT ?? '3100'

/** The id the seed gave a demo user in this run's database. */
export function seededUserId(email: string): string {
  const ids = JSON.parse(readFileSync(e2eFixturesFile(port), 'utf8')) as Record<string, string>
  const id = ids[email]
  if (!id) throw new Error(`no seeded user ${email}`)
  return id
}

/**
 * The session cookie the service would have issued to this person when they signed in. Used for people
 * who can no longer sign in (deactivated since), to prove a session alone never lets them back in.
 */
export async function sessionCookieFor(email: string, name: string): Promise<{ name: string; value: string; url: string }> {
  const environment = e2eEnvironment(port)
  const value = await encode({ token: { sub: seededUserId(email), email, name }, secret: environment.NEXTAUTH_SECRET ?? '', maxAge: 3600 })
  return { name: 'next-auth.session-token', value, url: environment.NEXTAUTH_URL ?? '' }
}
