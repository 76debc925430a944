import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClients, apiClientTokens, revisions, users } from '@/db/schema'
import type { CurrentUser } from '@/lib/auth/roles'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { recordRevision } from '@/lib/history/revisions'
import { createApiClient, deleteApiClient, renameApiClient, revokeApiClient } from './commands'

let database: TestDatabase
let owner: CurrentUser
let colleague: CurrentUser
let apiOnlyStranger: CurrentUser
const tokens = { pepper: 'test-pepper-0123456789abcdef0123456789', environment: 'test' as const }
const at = new Date('2026-11-22T10:00:00Z')

async function addUser(email: string, apiUser: boolean): Promise<CurrentUser> {
  const [row] = await database.db.insert(users).values({ firstName: 'Test', lastName: email, email, apiUser }).returning()
  if (!row) throw new Error('no user')
  return { id: row.id, firstName: row.firstName, lastName: row.lastName, email: row.email, role: apiUser ? 'api-only' : 'general-access' }
}

async function historyOf(id: string) {
  const rows = await database.db.select().from(revisions).where(eq(revisions.entityId, id)).orderBy(revisions.revisionNumber)
  return rows.map((row) => ({ number: row.revisionNumber, action: row.action, actorId: row.actorId, changes: row.changes }))
}

async function create(name: string, creator = owner) {
  const result = await createApiClient(database.db, { name, expiresOn: '2027-06-30', creator, at, tokens })
  if (result.outcome !== 'created') throw new Error(`could not create ${name}`)
  return result
}

beforeAll(async () => {
  database = await createTestDatabase()
  owner = await addUser('owner@education.gov.uk', true)
  colleague = await addUser('colleague@education.gov.uk', false)
  apiOnlyStranger = await addUser('stranger@education.gov.uk', true)
})
afterAll(async () => {
  await database?.close()
})

describe('API client commands', () => {
  it('stores only the hash and hint of the new token, with an "added" revision', async () => {
    const { client, token } = await create('Hashing Ltd')
    const [row] = await database.db.select().from(apiClients).where(eq(apiClients.id, client.id))
    const tokens = await database.db.select().from(apiClientTokens).where(eq(apiClientTokens.clientId, client.id))
    expect(tokens).toHaveLength(1)
    expect(tokens[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(tokens[0]?.stopsAt).toBeNull()
    expect(JSON.stringify([row, tokens])).not.toContain(token)
    expect(token.startsWith(`rotp_test_${tokens[0]?.tokenHint}`)).toBe(true)
    expect(await historyOf(client.id)).toEqual([{ number: 1, action: 'added', actorId: owner.id, changes: {} }])
    const [revision] = await database.db.select().from(revisions).where(eq(revisions.entityId, client.id))
    expect(JSON.stringify(revision)).not.toContain(token)
  })

  it('refuses a second live client with the same name for the same creator, ignoring case', async () => {
    await create('Unique Co')
    await expect(createApiClient(database.db, { name: 'UNIQUE CO', expiresOn: '2027-01-01', creator: owner, at, tokens })).resolves.toEqual({
      outcome: 'name-taken',
    })
    await expect(createApiClient(database.db, { name: 'Unique Co', expiresOn: '2027-01-01', creator: colleague, at, tokens })).resolves.toMatchObject(
      {
        outcome: 'created',
      },
    )
  })

  it('lets only one of two concurrent submissions with the same name succeed', async () => {
    const results = await Promise.all(
      ['Race Ltd', 'race ltd', 'RACE LTD'].map((name) => createApiClient(database.db, { name, expiresOn: '2027-01-01', creator: owner, at, tokens })),
    )
    expect(results.map((result) => result.outcome).sort()).toEqual(['created', 'name-taken', 'name-taken'])
    const rows = await database.db.select().from(apiClients).where(eq(apiClients.createdById, owner.id))
    expect(rows.filter((row) => row.name.toLowerCase() === 'race ltd')).toHaveLength(1)
  })

  it('renames with old and new names in the history, and records nothing for an unchanged name', async () => {
    const { client } = await create('Old Name')
    await expect(renameApiClient(database.db, { id: client.id, name: 'Old Name', actor: owner, at })).resolves.toMatchObject({ outcome: 'unchanged' })
    await expect(renameApiClient(database.db, { id: client.id, name: 'New Name', actor: colleague, at })).resolves.toMatchObject({
      outcome: 'changed',
    })
    expect(await historyOf(client.id)).toEqual([
      { number: 1, action: 'added', actorId: owner.id, changes: {} },
      { number: 2, action: 'updated', actorId: colleague.id, changes: { name: { from: 'Old Name', to: 'New Name' } } },
    ])
  })

  it('refuses a rename to a name the creator already uses, changing nothing', async () => {
    await create('Taken Name')
    const { client } = await create('Free Name')
    await expect(renameApiClient(database.db, { id: client.id, name: 'taken name', actor: owner, at })).resolves.toEqual({ outcome: 'name-taken' })
    expect(await historyOf(client.id)).toHaveLength(1)
  })

  it('revokes once, after which the client cannot be renamed or revoked again', async () => {
    const { client } = await create('Revoke Me')
    await expect(revokeApiClient(database.db, { id: client.id, actor: owner, at })).resolves.toMatchObject({ outcome: 'changed' })
    await expect(revokeApiClient(database.db, { id: client.id, actor: owner, at })).resolves.toMatchObject({ outcome: 'not-active' })
    await expect(renameApiClient(database.db, { id: client.id, name: 'Renamed', actor: owner, at })).resolves.toMatchObject({ outcome: 'not-active' })
    expect((await historyOf(client.id)).map((row) => row.action)).toEqual(['added', 'revoked'])
  })

  it('cannot rename or revoke an expired client', async () => {
    const { client } = await create('Expires Soon')
    const afterExpiry = new Date('2027-07-01T00:00:00Z')
    await expect(renameApiClient(database.db, { id: client.id, name: 'Later', actor: owner, at: afterExpiry })).resolves.toMatchObject({
      outcome: 'not-active',
    })
    await expect(revokeApiClient(database.db, { id: client.id, actor: owner, at: afterExpiry })).resolves.toMatchObject({ outcome: 'not-active' })
  })

  it('soft-deletes, keeping the row and its history, and frees the name', async () => {
    const { client } = await create('Delete Me')
    await expect(deleteApiClient(database.db, { id: client.id, actor: owner, at })).resolves.toMatchObject({ outcome: 'changed' })
    await expect(deleteApiClient(database.db, { id: client.id, actor: owner, at })).resolves.toEqual({ outcome: 'not-found' })
    const [row] = await database.db.select().from(apiClients).where(eq(apiClients.id, client.id))
    expect(row?.deletedAt).toEqual(at)
    expect((await historyOf(client.id)).map((row) => row.action)).toEqual(['added', 'deleted'])
    await create('Delete Me')
  })

  it('lets an API-only user change only the clients they created', async () => {
    const { client } = await create('Not Yours')
    await expect(renameApiClient(database.db, { id: client.id, name: 'Mine now', actor: apiOnlyStranger, at })).resolves.toEqual({
      outcome: 'not-found',
    })
    await expect(revokeApiClient(database.db, { id: client.id, actor: apiOnlyStranger, at })).resolves.toEqual({ outcome: 'not-found' })
    await expect(deleteApiClient(database.db, { id: client.id, actor: apiOnlyStranger, at })).resolves.toEqual({ outcome: 'not-found' })
    expect(await historyOf(client.id)).toHaveLength(1)
    // A general-access colleague may manage anyone's client.
    await expect(revokeApiClient(database.db, { id: client.id, actor: colleague, at })).resolves.toMatchObject({ outcome: 'changed' })
  })

  it("writes history in the caller's transaction, so it rolls back with the change", async () => {
    const { client } = await create('Rollback Ltd')
    await expect(
      database.db.transaction(async (tx) => {
        await tx.update(apiClients).set({ name: 'Half Done' }).where(eq(apiClients.id, client.id))
        await recordRevision(tx, { entityType: 'api_client', entityId: client.id, action: 'updated', actorId: owner.id, at, snapshot: {} })
        throw new Error('something failed after writing')
      }),
    ).rejects.toThrow('something failed after writing')
    const [row] = await database.db.select().from(apiClients).where(eq(apiClients.id, client.id))
    expect(row?.name).toBe('Rollback Ltd')
    expect(await historyOf(client.id)).toHaveLength(1)
  })
})
