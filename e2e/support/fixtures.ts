import { readFileSync } from 'node:fs'
import { encode } from 'next-auth/jwt'
import { e2eEnvironment, e2eFixturesFile } from './environment'
import { signedInAtClaim } from '../../lib/auth/session-start'

const port = process.env.E2E_PORT ?? '3100'

type Fixtures = { users: Record<string, string>; tokens: Record<string, string> }

function fixtures(): Fixtures {
  return JSON.parse(readFileSync(e2eFixturesFile(port), 'utf8')) as Fixtures
}

/** The id the seed gave a demo user in this run's database. */
export function seededUserId(email: string): string {
  const id = fixtures().users[email]
  if (!id) throw new Error(`no seeded user ${email}`)
  return id
}

/**
 * A token made before the server started (scripts/e2e-fixtures.ts): `active-1` … `active-12` (one per
 * journey that counts requests), `change-feed`, `leaked`, `usage`, `usage-expired`, `shutdown`, `expires-today`, `expired`, `revoked`, `deleted`,
 * `inactive-creator`.
 */
export function fixtureToken(key: string): string {
  const token = fixtures().tokens[key]
  if (!token) throw new Error(`no fixture token ${key}`)
  return token
}

/**
 * The session cookie the service would have issued to this person when they signed in. Used for people
 * who can no longer sign in (deactivated since), to prove a session alone never lets them back in.
 */
export async function sessionCookieFor(email: string, name: string): Promise<{ name: string; value: string; url: string }> {
  const environment = e2eEnvironment(port)
  // A sign-in time, as every session the service starts has: a cookie without one is refused (lib/auth/session-start.ts).
  const token = { sub: seededUserId(email), email, name, [signedInAtClaim]: Date.now() }
  const value = await encode({ token, secret: environment.NEXTAUTH_SECRET ?? '', maxAge: 3600 })
  return { name: 'next-auth.session-token', value, url: environment.NEXTAUTH_URL ?? '' }
}
