import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { users, type NewUser } from '@/db/schema'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { findUserByDfeSignInUid, matchDfeSignInUser } from './dfe-sign-in'

const firstSignIn = new Date('2026-05-21T13:22:00Z')
const laterSignIn = new Date('2026-06-02T08:05:00Z')

let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await database?.close()
})

async function insertUser(email: string, columns: Partial<NewUser> = {}) {
  const [user] = await database.db
    .insert(users)
    .values({ firstName: 'Grace', lastName: 'Hopper', email, ...columns })
    .returning()
  if (!user) throw new Error('no user inserted')
  return user
}

async function reload(id: string) {
  const [user] = await database.db.select().from(users).where(eq(users.id, id))
  return user
}

const match = (sub: string, email: string | undefined, at = firstSignIn) => matchDfeSignInUser(database.db, { sub, email }, at)

describe('matchDfeSignInUser', () => {
  it('matches a first sign-in by email ignoring case, stores the sub and records the time', async () => {
    const user = await insertUser('Ada.Lovelace@education.gov.uk')
    const result = await match('sub-ada', 'ada.lovelace@EDUCATION.gov.uk')
    expect(result).toMatchObject({ outcome: 'signed-in', user: { id: user.id } })
    expect(await reload(user.id)).toMatchObject({ dfeSignInUid: 'sub-ada', lastSignedInAt: firstSignIn })
  })

  it('matches later sign-ins by sub, even after the person’s email address changed in DfE Sign-in', async () => {
    const user = await insertUser('katherine.johnson@education.gov.uk')
    await match('sub-katherine', 'katherine.johnson@education.gov.uk')
    const result = await match('sub-katherine', 'k.johnson@education.gov.uk', laterSignIn)
    expect(result).toMatchObject({ outcome: 'signed-in', user: { id: user.id } })
    expect(await reload(user.id)).toMatchObject({ dfeSignInUid: 'sub-katherine', lastSignedInAt: laterSignIn })
  })

  it('refuses an email address nobody has, and one that belongs to a deleted person', async () => {
    expect(await match('sub-nobody', 'nobody@education.gov.uk')).toEqual({ outcome: 'not-recognised', reason: 'unknown email' })
    const deleted = await insertUser('gone@education.gov.uk', { deletedAt: firstSignIn })
    expect(await match('sub-gone', 'gone@education.gov.uk')).toEqual({ outcome: 'not-recognised', reason: 'unknown email' })
    expect((await reload(deleted.id))?.dfeSignInUid).toBeNull()
  })

  it('refuses an identity without an email address that matches no stored sub', async () => {
    expect(await match('sub-no-email', undefined)).toEqual({ outcome: 'not-recognised', reason: 'no email' })
  })

  it('does not match by email a person already linked to another DfE Sign-in account', async () => {
    const user = await insertUser('dorothy.vaughan@education.gov.uk', { dfeSignInUid: 'sub-dorothy', lastSignedInAt: firstSignIn })
    const result = await match('sub-someone-else', 'dorothy.vaughan@education.gov.uk', laterSignIn)
    expect(result).toEqual({ outcome: 'not-recognised', reason: 'email linked to another DfE Sign-in account' })
    expect(await reload(user.id)).toMatchObject({ dfeSignInUid: 'sub-dorothy', lastSignedInAt: firstSignIn })
  })

  it('refuses an inactive person, whether matched by email or by sub, and changes nothing', async () => {
    const byEmail = await insertUser('inactive.email@education.gov.uk', { active: false })
    expect(await match('sub-inactive-email', 'inactive.email@education.gov.uk')).toEqual({ outcome: 'inactive', userId: byEmail.id })
    expect(await reload(byEmail.id)).toMatchObject({ dfeSignInUid: null, lastSignedInAt: null })

    const bySub = await insertUser('inactive.sub@education.gov.uk', { active: false, dfeSignInUid: 'sub-inactive' })
    expect(await match('sub-inactive', 'inactive.sub@education.gov.uk')).toEqual({ outcome: 'inactive', userId: bySub.id })
    expect((await reload(bySub.id))?.lastSignedInAt).toBeNull()
  })

  it('does not match a deleted person by sub, and moves the sub to the person added again', async () => {
    const removed = await insertUser('mary.jackson@education.gov.uk', { dfeSignInUid: 'sub-mary', deletedAt: firstSignIn })
    const addedAgain = await insertUser('mary.jackson2@education.gov.uk')
    const result = await match('sub-mary', 'mary.jackson2@education.gov.uk', laterSignIn)
    expect(result).toMatchObject({ outcome: 'signed-in', user: { id: addedAgain.id } })
    expect((await reload(removed.id))?.dfeSignInUid).toBeNull()
    expect((await reload(addedAgain.id))?.dfeSignInUid).toBe('sub-mary')
  })

  it('links one person once when the same account signs in twice at the same moment', async () => {
    const user = await insertUser('annie.easley@education.gov.uk')
    const results = await Promise.all([match('sub-annie', 'annie.easley@education.gov.uk'), match('sub-annie', 'annie.easley@education.gov.uk')])
    expect(results.map((result) => result.outcome)).toEqual(['signed-in', 'signed-in'])
    expect((await reload(user.id))?.dfeSignInUid).toBe('sub-annie')
  })
})

describe('findUserByDfeSignInUid', () => {
  it('finds a non-deleted person by their stored sub only', async () => {
    const user = await insertUser('evelyn.boyd@education.gov.uk', { dfeSignInUid: 'sub-evelyn' })
    await insertUser('evelyn.deleted@education.gov.uk', { dfeSignInUid: 'sub-evelyn-deleted', deletedAt: firstSignIn })
    expect((await findUserByDfeSignInUid(database.db, 'sub-evelyn'))?.id).toBe(user.id)
    expect(await findUserByDfeSignInUid(database.db, 'sub-evelyn-deleted')).toBeUndefined()
    expect(await findUserByDfeSignInUid(database.db, 'sub-unknown')).toBeUndefined()
  })
})
