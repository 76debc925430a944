// The benchmark's database: a fresh PostgreSQL database holding the largest register the seed allows, and
// an API client whose token the server will accept (it hashes tokens with the same pepper).
import { and, eq, isNull, sql } from 'drizzle-orm'
import postgres from 'postgres'
import { openDatabase } from '../db/client'
import { migrateDatabase } from '../db/migrate'
import { providers, users } from '../db/schema'
import { demoUsers, maximumProviders, seedDatabase } from '../db/seed'
import { createApiClient } from '../lib/api-clients/commands'
import { roleOf } from '../lib/auth/roles'
import { addDays, ukDate } from '../lib/dates'

/** What the benchmark needs from its database. */
export type BenchDatabase = {
  url: string
  token: string
  liveProviders: number
  /** A general-access person (the API client's creator), for signed-in pages. */
  staff: { id: string; email: string; name: string }
  /** A live provider, for GET /api/v1/providers/{id}. */
  providerId: string
}

/**
 * Drops and recreates the database named in `url`. It refuses a name without "bench" in it: DATABASE_URL
 * may well point at a database someone cares about.
 */
async function recreate(url: string): Promise<void> {
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.slice(1))
  if (!/^[a-z0-9_]*bench[a-z0-9_]*$/.test(name)) throw new Error(`The benchmark drops its database: use a name containing "bench", not "${name}"`)
  target.pathname = '/postgres'
  const admin = postgres(target.toString(), { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`)
    await admin.unsafe(`create database ${name}`)
  } finally {
    await admin.end()
  }
}

/**
 * A fresh database with the largest register (46,656 providers: every 3-character code), or `providers` of
 * them, and one API client.
 */
export async function prepareDatabase(url: string, pepper: string, log: (line: string) => void, providerCount = maximumProviders): Promise<BenchDatabase> {
  await recreate(url)
  const connection = await openDatabase({ url })
  try {
    await migrateDatabase(connection)
    const started = performance.now()
    await seedDatabase(connection.db, { providers: providerCount, log })
    log(`Seeded ${providerCount.toLocaleString('en-GB')} providers in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    // A live database is vacuumed by autovacuum soon after a bulk load; do it now so that plans (and
    // index-only scans, which need the visibility map) are the ones production would settle on.
    await connection.db.execute(sql`vacuum analyze`)
    const email = demoUsers[0]?.email ?? ''
    const [creator] = await connection.db.select().from(users).where(eq(users.email, email))
    if (!creator) throw new Error(`The seed did not add ${email}`)
    const now = new Date()
    const created = await createApiClient(connection.db, {
      name: 'Benchmark',
      expiresOn: addDays(ukDate(now), 30),
      creator: { id: creator.id, firstName: creator.firstName, lastName: creator.lastName, email: creator.email, role: roleOf(creator) },
      at: now,
      tokens: { pepper, environment: 'test' },
    })
    if (created.outcome !== 'created') throw new Error('Could not create the benchmark API client')
    const liveProviders = await connection.db.$count(providers, and(isNull(providers.archivedAt), isNull(providers.deletedAt)))
    const [provider] = await connection.db.select({ id: providers.id }).from(providers).where(and(isNull(providers.archivedAt), isNull(providers.deletedAt))).limit(1)
    const staff = { id: creator.id, email: creator.email, name: `${creator.firstName} ${creator.lastName}` }
    return { url, token: created.token, liveProviders, staff, providerId: provider?.id ?? '' }
  } finally {
    await connection.close()
  }
}
