import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { users } from '@/db/schema'
import { sessionStillValid } from '@/lib/auth/session-start'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { createUser, deactivateUser, reactivateUser } from './commands'
import { endSessionsOf } from './sessions'

let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await database.close()
})

async function addPerson(email: string) {
  const result = await createUser(database.db, {
    details: { firstName: 'Sam', lastName: 'Session', email, apiUser: false },
    actor: null,
    at: new Date(),
  })
  if (result.outcome !== 'created') throw new Error('not created')
  return result.user
}

async function sessionsEndedAt(id: string): Promise<Date | null> {
  const [row] = await database.db.select({ at: users.sessionsEndedAt }).from(users).where(eq(users.id, id))
  return row?.at ?? null
}

describe('ending sessions', () => {
  it('refuses a session started before sign-out and accepts one started after it', async () => {
    const person = await addPerson('sam.session@education.gov.uk')
    const signedInBefore = Date.parse('2026-12-01T08:00:00.000Z')
    expect(sessionStillValid(signedInBefore, await sessionsEndedAt(person.id))).toBe(true)

    await expect(endSessionsOf(database.db, { id: person.id, at: new Date('2026-12-01T09:00:00.000Z') })).resolves.toBe(true)
    const ended = await sessionsEndedAt(person.id)
    expect(ended?.toISOString()).toBe('2026-12-01T09:00:00.000Z')
    expect(sessionStillValid(signedInBefore, ended)).toBe(false)
    expect(sessionStillValid(Date.parse('2026-12-01T09:00:00.001Z'), ended)).toBe(true)
  })

  it('does nothing for an id that is nobody, or not an id at all', async () => {
    await expect(endSessionsOf(database.db, { id: '00000000-0000-4000-8000-000000000000', at: new Date() })).resolves.toBe(false)
    await expect(endSessionsOf(database.db, { id: 'not-an-id', at: new Date() })).resolves.toBe(false)
  })

  it('ends the sessions of a deactivated person, so a cookie from before stays refused after reactivation', async () => {
    const admin = await addPerson('ada.admin@education.gov.uk')
    const person = await addPerson('dee.activated@education.gov.uk')
    const signedIn = Date.parse('2026-12-01T08:00:00.000Z')
    const deactivatedAt = new Date('2026-12-01T10:00:00.000Z')
    await deactivateUser(database.db, { id: person.id, actor: admin, at: deactivatedAt })
    await reactivateUser(database.db, { id: person.id, actor: admin, at: new Date('2026-12-01T11:00:00.000Z') })
    const ended = await sessionsEndedAt(person.id)
    expect(ended?.toISOString()).toBe(deactivatedAt.toISOString())
    expect(sessionStillValid(signedIn, ended)).toBe(false)
  })
})
