import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { openDatabase, type Database, type DatabaseConnection } from '@/db/client'
import { migrateDatabase } from '@/db/migrate'
import { apiClients, apiClientTokens, type ApiClient, type NewApiClient, type NewApiClientToken } from '@/db/schema'

export type TestDatabase = DatabaseConnection & { label: string }

/**
 * A freshly migrated database (or, with `migrated: false`, an empty one) for one test file: PGlite in memory, or, in the `db:postgres` Vitest
 * project, a new database on the TEST_DATABASE_URL server that is dropped again by `close()`.
 */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const migrate = options.migrated === false ? async () => {} : migrateDatabase
  if (process.env.TEST_DATABASE_KIND !== 'postgres') {
    const connection = await openDatabase({ pgliteDir: 'memory://' })
    await migrate(connection)
    return { ...connection, label: 'PGlite' }
  }
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) throw new Error('TEST_DATABASE_URL must be set for the db:postgres project')
  const name = `rotp_test_${randomBytes(6).toString('hex')}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const connection = await openDatabase({ url: url.toString(), maxConnections: 5 })
  await migrate(connection)
  return {
    ...connection,
    label: 'PostgreSQL',
    close: async () => {
      await connection.close()
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end({ timeout: 5 })
    },
  }
}

/**
 * Inserts an API client and its one token as the service stores them (tokens in their own table since migration
 * 0006), for tests that need a client row to point at. The hash is a made-up one unless `token` gives it.
 */
export async function insertApiClientWithToken(
  db: Database,
  client: NewApiClient,
  token: Partial<Pick<NewApiClientToken, 'tokenHash' | 'tokenHint' | 'stopsAt'>> = {},
): Promise<ApiClient> {
  const [row] = await db.insert(apiClients).values(client).returning()
  if (!row) throw new Error('no client inserted')
  await db.insert(apiClientTokens).values({
    clientId: row.id,
    tokenHash: token.tokenHash ?? `test-hash-${randomBytes(16).toString('hex')}`,
    tokenHint: token.tokenHint ?? 'abcd',
    stopsAt: token.stopsAt ?? null,
    createdById: client.createdById,
  })
  return row
}
