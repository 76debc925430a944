import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '@/db/client'
import { users, type NewApiClient } from '@/db/schema'
import { createTestDatabase, insertApiClientWithToken, type TestDatabase } from '@/test/database'
import { generateToken, hashToken, type TokenEnvironment } from './format'
import { refusedClientId, verifyTokenHash } from './verify'

const pepper = 'test-pepper-for-verify-db-test-0123456789'
const duringLife = new Date('2026-06-01T12:00:00Z')

let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await database?.close()
})

/** The real database behind a proxy that records every property the verifier touches. */
function watchedDatabase() {
  const touched: string[] = []
  const db = new Proxy(database.db, {
    get(target, property, receiver) {
      touched.push(String(property))
      return Reflect.get(target, property, receiver)
    },
  })
  return { db: db satisfies Database, touched }
}

async function insertUser(email: string, state: { active?: boolean; deletedAt?: Date } = {}) {
  const [user] = await database.db
    .insert(users)
    .values({ firstName: 'Grace', lastName: 'Hopper', email, ...state })
    .returning()
  if (!user) throw new Error('no user inserted')
  return user
}

type ClientOptions = Partial<Pick<NewApiClient, 'expiresOn' | 'revokedAt' | 'deletedAt'>> & {
  environment?: TokenEnvironment
  hashPepper?: string
  stopsAt?: Date | null
}

/** Stores a client as the service would (hash and hint only) and hands back its plaintext token. */
async function insertClient(createdById: string, name: string, options: ClientOptions = {}) {
  const { environment = 'test', hashPepper = pepper, stopsAt = null, ...columns } = options
  const token = generateToken(environment)
  const client = await insertApiClientWithToken(
    database.db,
    { name, createdById, expiresOn: '2027-03-31', ...columns },
    { tokenHash: hashToken(token.plaintext, hashPepper), tokenHint: token.hint, stopsAt },
  )
  return { client, token: token.plaintext }
}

// As the API does it (lib/api/authenticate.ts): the token is hashed once, and only the hash is looked up.
const verify = (token: string, now: Date) => verifyTokenHash(database.db, hashToken(token, pepper), now)

describe('verifyTokenHash', () => {
  it('accepts an active client with one query and returns it, without its token data', async () => {
    const creator = await insertUser('active@education.gov.uk')
    const { client, token } = await insertClient(creator.id, 'Active client')
    const { db, touched } = watchedDatabase()
    const result = await verifyTokenHash(db, hashToken(token, pepper), duringLife)
    expect(result).toEqual({
      ok: true,
      client: { id: client.id, name: 'Active client', expiresOn: '2027-03-31', createdById: creator.id, tokenStopsAt: null },
    })
    expect(touched.filter((property) => property === 'select')).toHaveLength(1)
  })

  it('accepts a live token too: the environment word is not compared with the server', async () => {
    const creator = await insertUser('live@education.gov.uk')
    const { token } = await insertClient(creator.id, 'Live client', { environment: 'live' })
    expect(await verify(token, duringLife)).toMatchObject({ ok: true })
  })

  describe('expiry, in UK time', () => {
    it('works to the last millisecond of the expiry date in summer time, and not after', async () => {
      const creator = await insertUser('summer@education.gov.uk')
      const { token } = await insertClient(creator.id, 'Summer', { expiresOn: '2027-03-31' })
      // 2027-03-31T22:59:59.999Z is 23:59:59.999 BST on 31 March; 23:00Z is 00:00 BST on 1 April.
      expect(await verify(token, new Date('2027-03-31T22:59:59.999Z'))).toMatchObject({ ok: true })
      expect(await verify(token, new Date('2027-03-31T23:00:00Z'))).toMatchObject({ ok: false, reason: 'expired', clientId: expect.any(String) })
    })

    it('works to the end of the expiry date in winter (GMT), and not after', async () => {
      const creator = await insertUser('winter@education.gov.uk')
      const { token } = await insertClient(creator.id, 'Winter', { expiresOn: '2027-01-31' })
      expect(await verify(token, new Date('2027-01-31T23:59:59Z'))).toMatchObject({ ok: true })
      expect(await verify(token, new Date('2027-02-01T00:00:00Z'))).toMatchObject({ ok: false, reason: 'expired', clientId: expect.any(String) })
    })
  })

  it('refuses a revoked client', async () => {
    const creator = await insertUser('revoked@education.gov.uk')
    const { token } = await insertClient(creator.id, 'Revoked', { revokedAt: new Date('2026-05-01T00:00:00Z') })
    expect(await verify(token, duringLife)).toMatchObject({ ok: false, reason: 'revoked', clientId: expect.any(String) })
  })

  it('refuses a deleted client, even one that was also revoked', async () => {
    const creator = await insertUser('deleted@education.gov.uk')
    const { token } = await insertClient(creator.id, 'Deleted', { deletedAt: new Date('2026-05-01T00:00:00Z') })
    const both = await insertClient(creator.id, 'Revoked then deleted', {
      revokedAt: new Date('2026-04-01T00:00:00Z'),
      deletedAt: new Date('2026-05-01T00:00:00Z'),
    })
    expect(await verify(token, duringLife)).toMatchObject({ ok: false, reason: 'deleted', clientId: expect.any(String) })
    expect(await verify(both.token, duringLife)).toMatchObject({ ok: false, reason: 'deleted', clientId: expect.any(String) })
  })

  it('refuses a client whose creator is inactive', async () => {
    const creator = await insertUser('inactive@education.gov.uk', { active: false })
    const { token } = await insertClient(creator.id, 'Inactive creator')
    expect(await verify(token, duringLife)).toMatchObject({ ok: false, reason: 'creator-inactive', clientId: expect.any(String) })
  })

  it('refuses a client whose creator is deleted', async () => {
    const creator = await insertUser('gone@education.gov.uk', { deletedAt: new Date('2026-05-01T00:00:00Z') })
    const { token } = await insertClient(creator.id, 'Deleted creator')
    expect(await verify(token, duringLife)).toMatchObject({ ok: false, reason: 'creator-inactive', clientId: expect.any(String) })
  })

  describe('a token replaced by a regeneration', () => {
    it('works until the end of its overlap, then is refused as replaced, naming its client', async () => {
      const creator = await insertUser('overlap@education.gov.uk')
      const stopsAt = new Date('2026-06-01T13:00:00Z')
      const { client, token } = await insertClient(creator.id, 'Overlapping', { stopsAt })
      expect(await verify(token, new Date('2026-06-01T12:59:59.999Z'))).toEqual({
        ok: true,
        client: { id: client.id, name: 'Overlapping', expiresOn: '2027-03-31', createdById: creator.id, tokenStopsAt: stopsAt.toISOString() },
      })
      expect(await verify(token, stopsAt)).toEqual({ ok: false, reason: 'replaced', clientId: client.id })
    })
  })

  it('names the client of a refused known token, and no client for an unknown one', async () => {
    const creator = await insertUser('known@education.gov.uk')
    const { client, token } = await insertClient(creator.id, 'Known', { revokedAt: new Date('2026-05-01T00:00:00Z') })
    const refused = await verify(token, duringLife)
    expect(refused).toEqual({ ok: false, reason: 'revoked', clientId: client.id })
    expect(refused.ok ? undefined : refusedClientId(refused)).toBe(client.id)
    const unknown = await verify(generateToken('test').plaintext, duringLife)
    expect(unknown.ok ? 'accepted' : refusedClientId(unknown)).toBeUndefined()
  })

  it('refuses a well-formed token that was never stored', async () => {
    expect(await verify(generateToken('test').plaintext, duringLife)).toEqual({ ok: false, reason: 'unknown' })
  })

  it('refuses a token stored under a different pepper as unknown', async () => {
    const creator = await insertUser('pepper@education.gov.uk')
    const { token } = await insertClient(creator.id, 'Other pepper', { hashPepper: 'the-live-pepper-which-this-server-lacks' })
    expect(await verify(token, duringLife)).toEqual({ ok: false, reason: 'unknown' })
  })
})
