import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { users } from '@/db/schema'
import { hashPassword } from '@/lib/passwords'
import { createUser } from '@/lib/users/commands'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { authenticateWithPassword } from './credentials'
import { allowedFailures, createSignInLimits } from './sign-in-attempts'

let database: TestDatabase
const password = 'Correct-Horse-2026'
const now = new Date('2026-12-01T09:00:00.000Z')

beforeAll(async () => {
  database = await createTestDatabase()
  const hash = await hashPassword(password)
  for (const [firstName, email] of [
    ['Priya', 'priya.shah@education.gov.uk'],
    ['Gita', 'gita.guess@education.gov.uk'],
  ] as const) {
    const created = await createUser(database.db, { details: { firstName, lastName: 'Test', email, apiUser: false }, actor: null, at: now })
    if (created.outcome !== 'created') throw new Error('not created')
    await database.db.update(users).set({ passwordHash: hash }).where(eq(users.id, created.user.id))
  }
})
afterAll(async () => {
  await database.close()
})

const limits = (attemptsPerCaller = 1_000) => createSignInLimits({ keyPrefix: 'test', attemptsPerCaller })
const attempt = (email: string, pass: string, caller = '203.0.113.1') => ({ email, password: pass, caller })

describe('password sign-in', () => {
  it('signs in with the right password, ignoring the case of the address', async () => {
    const result = await authenticateWithPassword(database.db, attempt('Priya.Shah@Education.gov.uk', password), now, limits())
    expect(result.outcome).toBe('signed-in')
  })

  it('locks the account, not a spelling of its address: a dotted capital I (U+0130) does not get round the lock', async () => {
    const shared = limits()
    for (let failure = 0; failure < allowedFailures; failure += 1) {
      expect((await authenticateWithPassword(database.db, attempt('priya.shah@education.gov.uk', 'wrong'), now, shared)).outcome).toBe('refused')
    }
    expect((await authenticateWithPassword(database.db, attempt('priya.shah@education.gov.uk', password), now, shared)).outcome).toBe('locked')
    expect((await authenticateWithPassword(database.db, attempt('PRIYA.SHAH@education.gov.uk', password), now, shared)).outcome).toBe('locked')
    // JavaScript lower-cases U+0130 to "i̇", PostgreSQL's lower() may give "i": refused before any lookup.
    expect((await authenticateWithPassword(database.db, attempt('pr\u0130ya.shah@education.gov.uk', password), now, shared)).outcome).toBe(
      'bad-email',
    )
    // Another account is not locked.
    expect((await authenticateWithPassword(database.db, attempt('gita.guess@education.gov.uk', password), now, shared)).outcome).toBe('signed-in')
  })

  it.each(['anne\u0000@education.gov.uk', 'anne@education.gov.uk\n{"message":"signed in"}', 'ánne@education.gov.uk', 'anne wilson@education.gov.uk'])(
    'refuses an address that cannot be anyone’s (%j) before any lookup',
    async (email) => {
      expect((await authenticateWithPassword(database.db, attempt(email, password), now, limits())).outcome).toBe('bad-email')
    },
  )

  it('limits the attempts of one caller across many addresses, and not other callers', async () => {
    const shared = limits(5)
    const outcomes = []
    for (let index = 0; index < 7; index += 1) {
      outcomes.push(
        (await authenticateWithPassword(database.db, attempt(`guess.${index}@education.gov.uk`, 'wrong', '198.51.100.7'), now, shared)).outcome,
      )
    }
    expect(outcomes).toEqual(['refused', 'refused', 'refused', 'refused', 'refused', 'caller-limited', 'caller-limited'])
    // Even the right password is not checked for that caller until the window ends.
    expect((await authenticateWithPassword(database.db, attempt('gita.guess@education.gov.uk', password, '198.51.100.7'), now, shared)).outcome).toBe(
      'caller-limited',
    )
    expect((await authenticateWithPassword(database.db, attempt('gita.guess@education.gov.uk', password, '198.51.100.8'), now, shared)).outcome).toBe(
      'signed-in',
    )
  })
})
