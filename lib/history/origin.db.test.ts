import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { revisions, users } from '@/db/schema'
import { commandLine, commandLineActorName } from '@/lib/api-clients/actor'
import { createApiClient, revokeApiClient } from '@/lib/api-clients/commands'
import { findApiClient } from '@/lib/api-clients/details'
import type { CurrentUser } from '@/lib/auth/roles'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { apiClientHistory } from './activity'

// revisions.origin (migration 0010): the command line's changes are the system's, told apart from the service's own.
let database: TestDatabase
let anne: CurrentUser
const tokens = { pepper: 'test-pepper-0123456789abcdef0123456789', environment: 'test' as const }
const at = new Date('2026-11-22T10:00:00Z')

beforeAll(async () => {
  database = await createTestDatabase()
  const [row] = await database.db.insert(users).values({ firstName: 'Anne', lastName: 'Wilson', email: 'anne@education.gov.uk' }).returning()
  if (!row) throw new Error('no user')
  anne = { id: row.id, firstName: 'Anne', lastName: 'Wilson', email: row.email, role: 'general-access' }
})
afterAll(async () => {
  await database?.close()
})

/** The check constraint PostgreSQL names in its refusal, whichever driver reported it and however Drizzle wrapped it. */
function constraintOf(error: unknown): string | undefined {
  for (
    let cause = error as { constraint?: string; constraint_name?: string; cause?: unknown } | undefined;
    cause;
    cause = cause.cause as typeof cause
  ) {
    if (cause.constraint ?? cause.constraint_name) return cause.constraint ?? cause.constraint_name
  }
  return undefined
}

describe('the origin of a revision', () => {
  it('names the command line on its changes, and leaves a person’s own changes theirs', async () => {
    const created = await createApiClient(database.db, { name: 'Mixed', expiresOn: '2027-06-30', creator: anne, at, tokens })
    if (created.outcome !== 'created') throw new Error('not created')
    await revokeApiClient(database.db, { id: created.client.id, actor: commandLine, at })
    const history = await apiClientHistory(database.db, created.client.id)
    expect(history.map((item) => [item.title, item.actorName])).toEqual([
      ['API client revoked', commandLineActorName],
      ['API client added', 'Anne Wilson'],
    ])
    expect(commandLineActorName).toBe('System (command line)')
    const page = await findApiClient(database.db, anne, created.client.id, at)
    expect(page?.revoked).toEqual({ at, byName: 'System (command line)' })
  })

  it('is refused on a person’s change and for an origin the schema does not know', async () => {
    const base = { entityType: 'api_client' as const, entityId: crypto.randomUUID(), action: 'added' as const, snapshot: {} }
    const refusal = (values: typeof revisions.$inferInsert) =>
      database.db
        .insert(revisions)
        .values(values)
        .then(
          () => 'inserted',
          (error: unknown) => constraintOf(error),
        )
    expect(await refusal({ ...base, revisionNumber: 1, actorId: anne.id, origin: 'command-line' })).toBe('revisions_origin_only_for_system')
    expect(await refusal({ ...base, revisionNumber: 2, origin: 'cron' as never })).toBe('revisions_origin')
    await database.db.insert(revisions).values({ ...base, revisionNumber: 3, origin: 'command-line' })
  })
})
