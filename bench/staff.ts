// The staff list of API clients at 10,000 clients (issue 16, target 5): the clients, and session cookies for
// a general-access person (who sees them all) and an API-only person (who sees only their own: none).
import { encode } from 'next-auth/jwt'
import postgres from 'postgres'
import { signedInAtClaim } from '../lib/auth/session-start'

export const staffListClients = 10_000
/** Clients a page of the staff list shows (lib/api-clients/queries.ts apiClientsPerPage). */
const perPage = 15

/** Adds `count` API clients made by `creatorId`, named so that they sort in no particular order of creation. */
export async function addApiClients(url: string, creatorId: string, count = staffListClients): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  try {
    await sql`insert into api_clients (name, created_by_id, expires_on)
      select 'Client ' || md5(n::text), ${creatorId}, current_date + 30 from generate_series(1, ${count}) as n`
    await sql`vacuum analyze api_clients`
    const [row] = await sql`select count(*)::int as total from api_clients where deleted_at is null`
    return Math.ceil(Number(row?.total ?? 0) / perPage)
  } finally {
    await sql.end()
  }
}

/** An API-only person of the seed, with no clients of their own. */
export async function apiOnlyPerson(url: string): Promise<{ id: string; email: string; name: string }> {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  try {
    const [row] = await sql`select u.id, u.email, u.first_name || ' ' || u.last_name as name from users u
      where u.api_user and u.deleted_at is null and u.active and not exists (select 1 from api_clients c where c.created_by_id = u.id) limit 1`
    if (!row) throw new Error('the seed has no API-only person without clients')
    return { id: String(row.id), email: String(row.email), name: String(row.name) }
  } finally {
    await sql.end()
  }
}

/** The session cookie the service would have set when this person signed in. */
export async function sessionCookie(person: { id: string; email: string; name: string }, secret: string): Promise<Record<string, string>> {
  const token = { sub: person.id, email: person.email, name: person.name, [signedInAtClaim]: Date.now() }
  return { cookie: `next-auth.session-token=${await encode({ token, secret, maxAge: 3600 })}` }
}
