import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { revisions, users } from '@/db/schema'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { createUserFromCommandLine, parseCreateUserArgs } from './command-line'

let database: TestDatabase
const at = new Date('2026-11-22T10:00:00Z')

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await database?.close()
})

describe('npm run users:create', () => {
  it('adds a general-access user, recorded as added by the system', async () => {
    const parsed = parseCreateUserArgs(['--first-name', ' Anne ', '--last-name', 'Wilson', '--email', 'Anne.Wilson@education.gov.uk'])
    if (!parsed.ok) throw new Error(parsed.errors.join())
    expect(await createUserFromCommandLine(database.db, parsed.details, at)).toBe(
      'Added Anne Wilson (anne.wilson@education.gov.uk) with general access. They can sign in with DfE Sign-in.',
    )
    const [user] = await database.db.select().from(users).where(eq(users.email, 'anne.wilson@education.gov.uk'))
    expect(user).toMatchObject({ firstName: 'Anne', apiUser: false, active: true, passwordHash: null })
    const [revision] = await database.db
      .select()
      .from(revisions)
      .where(eq(revisions.entityId, user?.id ?? ''))
    expect(revision).toMatchObject({ action: 'added', actorId: null })
  })

  it('adds an API user with --api-user, and refuses an address in use', async () => {
    const parsed = parseCreateUserArgs(['--first-name=Priya', '--last-name=Shah', '--email=priya.shah@education.gov.uk', '--api-user'])
    if (!parsed.ok) throw new Error(parsed.errors.join())
    expect(parsed.details.apiUser).toBe(true)
    await createUserFromCommandLine(database.db, parsed.details, at)
    await expect(createUserFromCommandLine(database.db, parsed.details, at)).rejects.toThrow(
      'Email address already in use: priya.shah@education.gov.uk',
    )
  })

  it('names every mistake with the service’s messages, and unknown options', () => {
    expect(parseCreateUserArgs([])).toEqual({ ok: false, errors: ['Enter first name', 'Enter last name', 'Enter email address'] })
    expect(parseCreateUserArgs(['--first-name', 'A', '--last-name', 'B', '--email', 'a@gmail.com'])).toEqual({
      ok: false,
      errors: ['Enter a Department for Education email address in the correct format, like name@education.gov.uk'],
    })
    expect(parseCreateUserArgs(['--first-name', 'A\u0000', '--last-name', 'B\u001b[2J', '--email', 'a\n@education.gov.uk'])).toEqual({
      ok: false,
      errors: [
        'First name must only include letters, numbers, spaces and symbols',
        'Last name must only include letters, numbers, spaces and symbols',
        'Enter a Department for Education email address in the correct format, like name@education.gov.uk',
      ],
    })
    const unknown = parseCreateUserArgs(['--admin'])
    expect(unknown.ok).toBe(false)
    expect(unknown.ok ? '' : unknown.errors[0]).toContain("'--admin'")
  })
})
