import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClients, apiClientTokens, revisions, users } from '@/db/schema'
import type { CurrentUser } from '@/lib/auth/roles'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { recordRevision } from '@/lib/history/revisions'
import { verifyTokenHash } from '@/lib/tokens/verify'
import { hashToken } from '@/lib/tokens/format'
import { createApiClient, deleteApiClient, regenerateApiClientToken, renameApiClient, revokeApiClient } from './commands'

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
        const snapshot = { name: 'Half Done', expiresOn: client.expiresOn, tokenHint: 'abcd', createdById: client.createdById, revokedAt: null, deletedAt: null }
        await recordRevision(tx, { entityType: 'api_client', entityId: client.id, action: 'updated', actorId: owner.id, at, snapshot })
        throw new Error('something failed after writing')
      }),
    ).rejects.toThrow('something failed after writing')
    const [row] = await database.db.select().from(apiClients).where(eq(apiClients.id, client.id))
    expect(row?.name).toBe('Rollback Ltd')
    expect(await historyOf(client.id)).toHaveLength(1)
  })

  describe('regenerating a token', () => {
    const hour = 60 * 60 * 1000
    const later = (ms: number) => new Date(at.getTime() + ms)
    const verify = (token: string, now: Date) => verifyTokenHash(database.db, hashToken(token, tokens.pepper), now)
    const regenerate = async (id: string, overlap: '1-hour' | '24-hours' | 'immediately' | '7-days', now = at, actor = owner) => {
      const result = await regenerateApiClientToken(database.db, { id, actor, at: now, overlap, tokens })
      if (result.outcome !== 'regenerated') throw new Error(`not regenerated: ${result.outcome}`)
      return result
    }

    it('keeps the client, makes a new token, and lets both work until the overlap ends (an injected clock)', async () => {
      const { client, token: first } = await create('Rotating Ltd')
      const { token: second, previousTokenStopsAt } = await regenerate(client.id, '1-hour')
      expect(second).not.toBe(first)
      expect(previousTokenStopsAt).toEqual(later(hour))
      // During the overlap both work, the old one saying when it stops; from that instant, only the new one.
      expect(await verify(first, later(hour - 1))).toMatchObject({ ok: true, client: { id: client.id, tokenStopsAt: later(hour).toISOString() } })
      expect(await verify(second, later(hour - 1))).toMatchObject({ ok: true, client: { id: client.id, name: 'Rotating Ltd', tokenStopsAt: null } })
      expect(await verify(first, later(hour))).toEqual({ ok: false, reason: 'replaced', clientId: client.id })
      expect(await verify(second, later(hour))).toMatchObject({ ok: true })
      const [row] = await database.db.select().from(apiClients).where(eq(apiClients.id, client.id))
      expect(row).toMatchObject({ name: 'Rotating Ltd', expiresOn: '2027-06-30', revokedAt: null })
      expect((await historyOf(client.id)).at(-1)).toMatchObject({
        action: 'regenerated',
        actorId: owner.id,
        changes: { previousTokenStopsAt: { from: null, to: later(hour).toISOString() } },
      })
    })

    it('stops the old token at once when asked to', async () => {
      const { client, token: first } = await create('Immediate Ltd')
      const { token: second } = await regenerate(client.id, 'immediately')
      expect(await verify(first, at)).toEqual({ ok: false, reason: 'replaced', clientId: client.id })
      expect(await verify(second, at)).toMatchObject({ ok: true })
    })

    it('never lets the old token outlive the client', async () => {
      const result = await createApiClient(database.db, { name: 'Ending soon', expiresOn: '2026-11-23', creator: owner, at, tokens })
      if (result.outcome !== 'created') throw new Error('not created')
      const { previousTokenStopsAt } = await regenerate(result.client.id, '7-days')
      expect(previousTokenStopsAt.toISOString()).toBe('2026-11-24T00:00:00.000Z')
    })

    it('keeps at most two working tokens: regenerating during an overlap stops the older one at once', async () => {
      const { client, token: first } = await create('Twice Ltd')
      const { token: second } = await regenerate(client.id, '24-hours')
      const { token: third } = await regenerate(client.id, '24-hours', later(hour))
      expect(await verify(first, later(hour))).toEqual({ ok: false, reason: 'replaced', clientId: client.id })
      expect(await verify(second, later(2 * hour))).toMatchObject({ ok: true, client: { tokenStopsAt: later(25 * hour).toISOString() } })
      expect(await verify(third, later(2 * hour))).toMatchObject({ ok: true })
      const live = (await database.db.select().from(apiClientTokens).where(eq(apiClientTokens.clientId, client.id))).filter(
        (token) => token.stopsAt === null || token.stopsAt > later(hour),
      )
      expect(live).toHaveLength(2)
    })

    it('ends every token of the client when it is revoked or deleted', async () => {
      const { client, token: first } = await create('Ended Ltd')
      const { token: second } = await regenerate(client.id, '24-hours')
      await revokeApiClient(database.db, { id: client.id, actor: owner, at: later(hour) })
      const stops = (await database.db.select().from(apiClientTokens).where(eq(apiClientTokens.clientId, client.id))).map((token) => token.stopsAt)
      expect(stops).toEqual([later(hour), later(hour)])
      expect(await verify(first, later(hour))).toMatchObject({ ok: false, reason: 'revoked' })
      expect(await verify(second, later(hour))).toMatchObject({ ok: false, reason: 'revoked' })
      const other = await create('Deleted Ltd')
      await regenerate(other.client.id, '24-hours')
      await deleteApiClient(database.db, { id: other.client.id, actor: owner, at: later(hour) })
      const deletedStops = (await database.db.select().from(apiClientTokens).where(eq(apiClientTokens.clientId, other.client.id))).map(
        (token) => token.stopsAt,
      )
      expect(deletedStops).toEqual([later(hour), later(hour)])
    })

    it('refuses revoked and expired clients, and other people’s clients for API-only users', async () => {
      const { client } = await create('Not again Ltd')
      await revokeApiClient(database.db, { id: client.id, actor: owner, at })
      await expect(regenerateApiClientToken(database.db, { id: client.id, actor: owner, at, overlap: '1-hour', tokens })).resolves.toMatchObject({
        outcome: 'not-active',
      })
      const expiring = await create('Expiring Ltd')
      const afterExpiry = new Date('2027-07-01T12:00:00Z')
      await expect(
        regenerateApiClientToken(database.db, { id: expiring.client.id, actor: owner, at: afterExpiry, overlap: '1-hour', tokens }),
      ).resolves.toMatchObject({ outcome: 'not-active' })
      await expect(
        regenerateApiClientToken(database.db, { id: expiring.client.id, actor: apiOnlyStranger, at, overlap: '1-hour', tokens }),
      ).resolves.toEqual({ outcome: 'not-found' })
      const mine = await create('Stranger’s own', apiOnlyStranger)
      await expect(regenerate(mine.client.id, '1-hour', at, apiOnlyStranger)).resolves.toMatchObject({ outcome: 'regenerated' })
      // General-access users manage every client.
      await expect(regenerate(mine.client.id, '1-hour', later(hour), colleague)).resolves.toMatchObject({ outcome: 'regenerated' })
    })
  })
})
