// Prepares what the journeys need that the service's own screens cannot make, after the seed and before
// the server opens the database: the seeded users' ids (to hold a session for someone since deactivated)
// and API clients in every state with their tokens (an expired token cannot be made through the form).
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { eq } from 'drizzle-orm'
import { openDatabase } from '../db/client'
import { demoPassword } from '../db/seed/users'
import { apiClients, users } from '../db/schema'
import { createApiClient } from '../lib/api-clients/commands'
import { roleOf, type CurrentUser } from '../lib/auth/roles'
import { addDays, ukDate } from '../lib/dates'
import { hashPassword } from '../lib/passwords'
import { createUser } from '../lib/users/commands'
import { journeyUsers } from '../e2e/support/journey-users'

const [file] = process.argv.slice(2)
const pepper = process.env.TOKEN_PEPPER
if (!file || !pepper) throw new Error('usage: TOKEN_PEPPER=… tsx scripts/e2e-fixtures.ts <output.json>')

const connection = await openDatabase({ url: process.env.DATABASE_URL, pgliteDir: process.env.PGLITE_DIR })
try {
  const { db } = connection
  const rows = await db.select().from(users)
  const person = (email: string): CurrentUser => {
    const row = rows.find((candidate) => candidate.email === email)
    if (!row) throw new Error(`no seeded user ${email}`)
    return { id: row.id, firstName: row.firstName, lastName: row.lastName, email: row.email, role: roleOf(row) }
  }
  const now = new Date()
  const today = ukDate(now)
  const tokens: Record<string, string> = {}
  const add = async (key: string, creator: CurrentUser, expiresOn: string, change?: Partial<typeof apiClients.$inferInsert>) => {
    const result = await createApiClient(db, { name: `E2E ${key}`, expiresOn, creator, at: now, tokens: { pepper, environment: 'test' } })
    if (result.outcome !== 'created') throw new Error(`could not create ${key}`)
    if (change) await db.update(apiClients).set(change).where(eq(apiClients.id, result.client.id))
    tokens[key] = result.token
  }
  const anne = person('anne.wilson@education.gov.uk')
  // One active token per journey that counts requests, so rate limits in one journey never touch another.
  for (let index = 1; index <= 12; index += 1) await add(`active-${index}`, anne, addDays(today, 90))
  // The several-instance journey regenerates this one's token (e2e/instances/revocation.spec.ts).
  await add('regenerate', anne, addDays(today, 90))
  // The secret-scanning journey reports this one's token as found in public (e2e/instances/secret-scanning.spec.ts).
  await add('leaked', anne, addDays(today, 90))
  // The allowlist journeys: one client limited to a documentation range, one whose list is changed across instances.
  await add('allowlisted', anne, addDays(today, 90), { allowedAddresses: ['192.0.2.0/24', '2001:db8:a11::/48'] })
  await add('allowlist-change', anne, addDays(today, 90))
  // The change feed journey pages through the whole register more than once.
  await add('change-feed', anne, addDays(today, 90))
  // The fuzz journey spreads its thousands of API requests over these, under each client's rate limit.
  for (let index = 1; index <= 8; index += 1) await add(`fuzz-${index}`, anne, addDays(today, 90))
  // The usage journey across instances counts one client's requests and another's refusals (e2e/instances/usage.spec.ts).
  await add('usage', anne, addDays(today, 90))
  await add('usage-expired', anne, addDays(today, -1))
  // The graceful shutdown journey checks that a stopping instance writes its usage counts (e2e/instances/shutdown.spec.ts).
  await add('shutdown', anne, addDays(today, 90))
  await add('expires-today', anne, today)
  await add('expired', anne, addDays(today, -1))
  await add('revoked', anne, addDays(today, 90), { revokedAt: now, revokedById: anne.id })
  await add('deleted', anne, addDays(today, 90), { deletedAt: now, deletedById: anne.id })
  // Rhys is seeded inactive: his client's token must be refused although the client itself is active.
  await add('inactive-creator', person('rhys.evans@education.gov.uk'), addDays(today, 90))
  // People the users journeys change (deactivate, delete, switch to API user), so no other journey that
  // signs in as a demo user is caught out. They have the demo password and, some, a client with a token.
  const passwordHash = await hashPassword(demoPassword)
  for (const [key, journeyUser] of Object.entries(journeyUsers)) {
    const created = await createUser(db, {
      details: { firstName: journeyUser.firstName, lastName: journeyUser.lastName, email: journeyUser.email, apiUser: journeyUser.apiUser },
      actor: null,
      at: now,
    })
    if (created.outcome !== 'created') throw new Error(`could not add ${journeyUser.email}`)
    await db.update(users).set({ passwordHash }).where(eq(users.id, created.user.id))
    if (journeyUser.clientToken) await add(key, { ...created.user, role: roleOf(created.user) }, addDays(today, 90))
  }
  const everyone = await db.select().from(users)
  const userIds = Object.fromEntries(everyone.map((row) => [row.email, row.id]))
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify({ users: userIds, tokens }, null, 2))
} finally {
  await connection.close()
}
