import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, insertApiClientWithToken, type TestDatabase } from '@/test/database'
import { apiClients, apiClientTokens, providers, revisions, users } from './schema'

let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await database?.close()
})

async function insertUser(email: string) {
  const [user] = await database.db.insert(users).values({ firstName: 'Ada', lastName: 'Lovelace', email }).returning()
  if (!user) throw new Error('no user inserted')
  return user
}

const client = (createdById: string, name: string) => ({ name, createdById, expiresOn: '2027-03-31' })

async function insertClientWithToken(createdById: string, name: string, tokenHash: string) {
  return insertApiClientWithToken(database.db, client(createdById, name), { tokenHash })
}

describe('database constraints', () => {
  it('keeps user emails unique ignoring case', async () => {
    await insertUser('Person.One@education.gov.uk')
    await expect(insertUser('person.one@EDUCATION.gov.uk')).rejects.toThrow()
  })

  it('keeps client names unique per creator among live clients, ignoring case', async () => {
    const owner = await insertUser('owner@education.gov.uk')
    const other = await insertUser('other@education.gov.uk')
    const acme = await insertClientWithToken(owner.id, 'Acme', 'hash-1')
    await expect(database.db.insert(apiClients).values(client(owner.id, 'ACME'))).rejects.toThrow()
    // Another creator may use the same name.
    await database.db.insert(apiClients).values(client(other.id, 'acme'))
    // Deleting a client frees its name.
    await database.db
      .update(apiClients)
      .set({ deletedAt: new Date() })
      .where(sql`${apiClients.id} = ${acme.id}`)
    await database.db.insert(apiClients).values(client(owner.id, 'Acme'))
  })

  it('refuses a duplicate token hash, even for two tokens of one client', async () => {
    const owner = await insertUser('hash@education.gov.uk')
    const one = await insertClientWithToken(owner.id, 'One', 'same-hash')
    await expect(insertClientWithToken(owner.id, 'Two', 'same-hash')).rejects.toThrow()
    await expect(database.db.insert(apiClientTokens).values({ clientId: one.id, tokenHash: 'same-hash', tokenHint: 'efgh' })).rejects.toThrow()
  })

  it('refuses a provider that breaks the register rules', async () => {
    const valid = { operatingName: 'X', providerType: 'hei' as const, accreditationStatus: 'accredited' as const, ukprn: '10000001', code: 'X1Y' }
    await database.db.insert(providers).values(valid)
    await expect(database.db.insert(providers).values({ ...valid, code: 'X2Y', ukprn: '123' })).rejects.toThrow()
    await expect(database.db.insert(providers).values({ ...valid, code: 'X3Y', providerType: 'school' })).rejects.toThrow()
    await expect(database.db.insert(providers).values({ ...valid, code: 'x1y' })).rejects.toThrow()
  })

  it('keeps revisions append-only', async () => {
    const actor = await insertUser('actor@education.gov.uk')
    const entityId = actor.id
    await database.db.insert(revisions).values({ entityType: 'user', entityId, revisionNumber: 1, action: 'added', actorId: actor.id, snapshot: {} })
    await expect(
      database.db
        .update(revisions)
        .set({ action: 'deleted' })
        .where(sql`${revisions.entityId} = ${entityId}`),
    ).rejects.toThrow()
    await expect(database.db.delete(revisions).where(sql`${revisions.entityId} = ${entityId}`)).rejects.toThrow()
    await expect(
      database.db.insert(revisions).values({ entityType: 'user', entityId, revisionNumber: 1, action: 'updated', actorId: actor.id, snapshot: {} }),
    ).rejects.toThrow()
  })

  it('moves updated_at on every change unless the change sets it', async () => {
    const [provider] = await database.db
      .insert(providers)
      .values({
        operatingName: 'Y',
        providerType: 'other',
        accreditationStatus: 'unaccredited',
        ukprn: '10000002',
        code: 'Y1Z',
        updatedAt: new Date('2020-01-01T00:00:00Z'),
      })
      .returning()
    if (!provider) throw new Error('no provider')
    const [renamed] = await database.db
      .update(providers)
      .set({ operatingName: 'Y2' })
      .where(sql`${providers.id} = ${provider.id}`)
      .returning()
    expect(renamed?.updatedAt.getTime()).toBeGreaterThan(new Date('2020-01-01T00:00:00Z').getTime())
    const fixed = new Date('2021-06-01T12:00:00Z')
    const [backdated] = await database.db
      .update(providers)
      .set({ updatedAt: fixed })
      .where(sql`${providers.id} = ${provider.id}`)
      .returning()
    expect(backdated?.updatedAt.toISOString()).toBe(fixed.toISOString())
  })
})
