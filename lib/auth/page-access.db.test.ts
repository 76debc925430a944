import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser } from '@/lib/users/commands'
import { endSessionsOf } from '@/lib/users/sessions'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { staffPageAccess } from './page-access'

let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await database.close()
})

describe('staffPageAccess', () => {
  it('judges an API user on /users forbidden only while their session stands, so an ended one is sent to sign in by the page', async () => {
    const created = await createUser(database.db, {
      details: { firstName: 'Pat', lastName: 'Proxy', email: 'pat.proxy@education.gov.uk', apiUser: true },
      actor: null,
      at: new Date('2026-12-01T08:00:00.000Z'),
    })
    if (created.outcome !== 'created') throw new Error('not created')
    const session = { userId: created.user.id, signedInAt: Date.parse('2026-12-01T09:00:00.000Z') }
    const now = new Date('2026-12-01T10:00:00.000Z')
    expect(await staffPageAccess(database.db, session, '/users', new URLSearchParams(), now)).toBe('forbidden')
    expect(await staffPageAccess(database.db, session, '/api-clients/00000000-0000-4000-8000-000000000000', new URLSearchParams(), now)).toBe('not-found')

    await endSessionsOf(database.db, { id: created.user.id, at: new Date('2026-12-01T09:30:00.000Z') })
    expect(await staffPageAccess(database.db, session, '/users', new URLSearchParams(), now)).toBe('page')
    expect(await staffPageAccess(database.db, session, '/api-clients/00000000-0000-4000-8000-000000000000', new URLSearchParams(), now)).toBe('page')
    expect(await staffPageAccess(database.db, { ...session, signedInAt: undefined }, '/users', new URLSearchParams(), now)).toBe('page')
  })
})
