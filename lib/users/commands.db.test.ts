import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClients, apiClientTokens, revisions, users } from '@/db/schema'
import { createApiClient } from '@/lib/api-clients/commands'
import { verificationCache } from '@/lib/token-cache/client-changes'
import type { CurrentUser } from '@/lib/auth/roles'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { createUser, deactivateUser, deleteUser, reactivateUser, updateUser, type UserDetails } from './commands'

let database: TestDatabase
let admin: CurrentUser
const tokens = { pepper: 'test-pepper-0123456789abcdef0123456789', environment: 'test' as const }
const at = new Date('2026-11-22T10:00:00Z')
let emails = 0

function details(overrides: Partial<UserDetails> = {}): UserDetails {
  emails += 1
  return { firstName: 'Ada', lastName: 'Lovelace', email: `ada.${emails}@education.gov.uk`, apiUser: true, ...overrides }
}

async function added(overrides: Partial<UserDetails> = {}) {
  const result = await createUser(database.db, { details: details(overrides), actor: admin, at })
  if (result.outcome !== 'created') throw new Error('could not add user')
  return result.user
}

const asCurrent = (user: { id: string; firstName: string; lastName: string; email: string; apiUser: boolean }): CurrentUser => ({
  id: user.id,
  firstName: user.firstName,
  lastName: user.lastName,
  email: user.email,
  role: user.apiUser ? 'api-only' : 'general-access',
})

async function clientOf(creator: CurrentUser, name: string, expiresOn = '2027-06-30') {
  const result = await createApiClient(database.db, { name, expiresOn, creator, at: new Date('2025-01-01T10:00:00Z'), tokens })
  if (result.outcome !== 'created') throw new Error(`could not create ${name}`)
  return result.client
}

async function historyOf(id: string) {
  const rows = await database.db.select().from(revisions).where(eq(revisions.entityId, id)).orderBy(revisions.revisionNumber)
  return rows.map((row) => ({ entityType: row.entityType, action: row.action, actorId: row.actorId, changes: row.changes }))
}

async function clientRow(id: string) {
  const [row] = await database.db.select().from(apiClients).where(eq(apiClients.id, id))
  return row
}

beforeAll(async () => {
  database = await createTestDatabase()
  const [row] = await database.db.insert(users).values({ firstName: 'Anne', lastName: 'Admin', email: 'anne.admin@education.gov.uk' }).returning()
  if (!row) throw new Error('no admin')
  admin = asCurrent(row)
})
afterAll(async () => {
  await database?.close()
})

describe('createUser', () => {
  it('adds the user with an "added" revision naming who added them', async () => {
    const user = await added({ apiUser: false })
    expect(user).toMatchObject({ firstName: 'Ada', apiUser: false, active: true, passwordHash: null, lastSignedInAt: null })
    const [revision] = await database.db.select().from(revisions).where(eq(revisions.entityId, user.id))
    expect(revision).toMatchObject({ entityType: 'user', action: 'added', actorId: admin.id, revisionNumber: 1 })
    expect(revision?.snapshot).toEqual({ firstName: 'Ada', lastName: 'Lovelace', email: user.email, apiUser: false, active: true, deletedAt: null })
  })

  it('records the system as the actor when no one is signed in (the create-user command)', async () => {
    const result = await createUser(database.db, { details: details(), actor: null, at })
    if (result.outcome !== 'created') throw new Error('not created')
    expect(await historyOf(result.user.id)).toEqual([{ entityType: 'user', action: 'added', actorId: null, changes: {} }])
  })

  it('refuses an email address already in use, ignoring case, and adds no revision', async () => {
    await added({ email: 'taken@education.gov.uk' })
    const before = await database.db.select().from(revisions)
    await expect(createUser(database.db, { details: details({ email: 'TAKEN@education.gov.uk' }), actor: admin, at })).resolves.toEqual({
      outcome: 'email-taken',
    })
    expect(await database.db.select().from(revisions)).toHaveLength(before.length)
  })

  it('lets only one of three concurrent adds with the same address succeed', async () => {
    const results = await Promise.all(
      ['race@education.gov.uk', 'Race@education.gov.uk', 'RACE@education.gov.uk'].map((email) =>
        createUser(database.db, { details: details({ email }), actor: admin, at }),
      ),
    )
    expect(results.map((result) => result.outcome).sort()).toEqual(['created', 'email-taken', 'email-taken'])
  })

  it("accepts a deleted user's address again", async () => {
    const user = await added({ email: 'returner@education.gov.uk' })
    await deleteUser(database.db, { id: user.id, actor: admin, at })
    await expect(createUser(database.db, { details: details({ email: 'returner@education.gov.uk' }), actor: admin, at })).resolves.toMatchObject({
      outcome: 'created',
    })
  })
})

describe('updateUser', () => {
  it('records only the fields that changed, with old and new values', async () => {
    const user = await added()
    const result = await updateUser(database.db, {
      id: user.id,
      details: { firstName: 'Augusta', lastName: 'Lovelace', apiUser: false },
      actor: admin,
      at,
    })
    expect(result).toMatchObject({ outcome: 'changed', user: { firstName: 'Augusta', apiUser: false } })
    expect((await historyOf(user.id))[1]).toEqual({
      entityType: 'user',
      action: 'updated',
      actorId: admin.id,
      changes: { firstName: { from: 'Ada', to: 'Augusta' }, apiUser: { from: true, to: false } },
    })
  })

  it('records nothing when the answers are the same', async () => {
    const user = await added()
    await expect(updateUser(database.db, { id: user.id, details: { firstName: 'Ada', apiUser: true }, actor: admin, at })).resolves.toMatchObject({
      outcome: 'unchanged',
    })
    expect(await historyOf(user.id)).toHaveLength(1)
  })

  it('keeps name and email once the person has signed in, but still changes the API user answer', async () => {
    const user = await added()
    await database.db.update(users).set({ lastSignedInAt: at }).where(eq(users.id, user.id))
    await expect(updateUser(database.db, { id: user.id, details: { email: 'new@education.gov.uk' }, actor: admin, at })).resolves.toMatchObject({
      outcome: 'signed-in-before',
    })
    await expect(updateUser(database.db, { id: user.id, details: { firstName: 'Ada', apiUser: false }, actor: admin, at })).resolves.toMatchObject({
      outcome: 'changed',
    })
  })

  it('refuses an email address another user has', async () => {
    const user = await added()
    await added({ email: 'other@education.gov.uk' })
    await expect(updateUser(database.db, { id: user.id, details: { email: 'OTHER@education.gov.uk' }, actor: admin, at })).resolves.toEqual({
      outcome: 'email-taken',
    })
  })

  it('does not let people change their own access', async () => {
    await expect(updateUser(database.db, { id: admin.id, details: { apiUser: true }, actor: admin, at })).resolves.toMatchObject({ outcome: 'self' })
    const [row] = await database.db.select().from(users).where(eq(users.id, admin.id))
    expect(row?.apiUser).toBe(false)
  })

  it('finds nothing for an unknown, malformed or deleted id', async () => {
    const user = await added()
    await deleteUser(database.db, { id: user.id, actor: admin, at })
    for (const id of [user.id, crypto.randomUUID(), 'not-a-uuid']) {
      await expect(updateUser(database.db, { id, details: { firstName: 'X' }, actor: admin, at })).resolves.toEqual({ outcome: 'not-found' })
    }
  })
})

describe('deactivateUser and reactivateUser', () => {
  it('revokes only the active clients, each with its own revision, in the same change', async () => {
    const user = await added()
    const owner = asCurrent(user)
    const active = await clientOf(owner, 'Active client')
    const expired = await clientOf(owner, 'Expired client', '2026-11-21')
    const revoked = await clientOf(owner, 'Already revoked')
    await database.db.update(apiClients).set({ revokedAt: at }).where(eq(apiClients.id, revoked.id))
    const other = await clientOf(admin, 'Someone else’s client')

    const result = await deactivateUser(database.db, { id: user.id, actor: admin, at })
    expect(result).toMatchObject({ outcome: 'changed', user: { active: false }, revokedClients: 1 })
    // The system revoked it, because its creator was deactivated: that is the reason on its history.
    expect(await clientRow(active.id)).toMatchObject({ revokedAt: at, revokedById: null })
    expect((await clientRow(expired.id))?.revokedAt).toBeNull()
    expect((await clientRow(other.id))?.revokedAt).toBeNull()
    expect((await historyOf(active.id)).at(-1)).toEqual({
      entityType: 'api_client',
      action: 'revoked',
      actorId: null,
      changes: { revokedAt: { from: null, to: at.toISOString() }, revokedReason: { from: null, to: 'creator-deactivated' } },
    })
    const [token] = await database.db.select().from(apiClientTokens).where(eq(apiClientTokens.clientId, active.id))
    expect(token?.stopsAt).toEqual(at)
    expect((await historyOf(user.id)).at(-1)).toEqual({
      entityType: 'user',
      action: 'deactivated',
      actorId: admin.id,
      changes: { active: { from: true, to: false } },
    })
  })

  it('clears this instance’s token cache', async () => {
    const user = await added()
    verificationCache().clear()
    const spy = { cleared: false }
    const original = verificationCache().clear.bind(verificationCache())
    verificationCache().clear = () => {
      spy.cleared = true
      original()
    }
    try {
      await deactivateUser(database.db, { id: user.id, actor: admin, at })
    } finally {
      verificationCache().clear = original
    }
    expect(spy.cleared).toBe(true)
  })

  it('does nothing to an inactive user, and refuses to deactivate yourself', async () => {
    const user = await added()
    await deactivateUser(database.db, { id: user.id, actor: admin, at })
    await expect(deactivateUser(database.db, { id: user.id, actor: admin, at })).resolves.toMatchObject({ outcome: 'unchanged' })
    await expect(deactivateUser(database.db, { id: admin.id, actor: admin, at })).resolves.toMatchObject({ outcome: 'self' })
    expect(await historyOf(user.id)).toHaveLength(2)
  })

  it('reactivates without un-revoking the clients', async () => {
    const user = await added()
    const client = await clientOf(asCurrent(user), 'Revoked by deactivation')
    await deactivateUser(database.db, { id: user.id, actor: admin, at })
    const result = await reactivateUser(database.db, { id: user.id, actor: admin, at })
    expect(result).toMatchObject({ outcome: 'changed', user: { active: true } })
    expect((await clientRow(client.id))?.revokedAt).toEqual(at)
    expect((await historyOf(user.id)).map((item) => item.action)).toEqual(['added', 'deactivated', 'reactivated'])
    await expect(reactivateUser(database.db, { id: user.id, actor: admin, at })).resolves.toMatchObject({ outcome: 'unchanged' })
  })

  it('rolls the user back if revoking a client fails', async () => {
    const user = await added()
    const client = await clientOf(asCurrent(user), 'Will fail')
    // A constraint that refuses this client's 'revoked' revision makes the transaction fail half way through.
    await database.db.execute(`alter table revisions add constraint block_revokes check (action <> 'revoked' or entity_id <> '${client.id}')`)
    try {
      await expect(deactivateUser(database.db, { id: user.id, actor: admin, at })).rejects.toThrow()
    } finally {
      await database.db.execute('alter table revisions drop constraint block_revokes')
    }
    const [row] = await database.db.select().from(users).where(eq(users.id, user.id))
    expect(row?.active).toBe(true)
    expect((await clientRow(client.id))?.revokedAt).toBeNull()
    expect((await historyOf(user.id)).map((item) => item.action)).toEqual(['added'])
  })
})

describe('deleteUser', () => {
  it('soft-deletes the user and every client they created, with the revisions of each', async () => {
    const user = await added()
    const owner = asCurrent(user)
    const first = await clientOf(owner, 'First')
    const second = await clientOf(owner, 'Second')
    await database.db.update(apiClients).set({ revokedAt: at }).where(eq(apiClients.id, second.id))

    const result = await deleteUser(database.db, { id: user.id, actor: admin, at })
    expect(result).toMatchObject({ outcome: 'changed', deletedClients: 2 })
    const [row] = await database.db.select().from(users).where(eq(users.id, user.id))
    expect(row).toMatchObject({ deletedAt: at, deletedById: admin.id })
    for (const client of [first, second]) {
      expect(await clientRow(client.id)).toMatchObject({ deletedAt: at, deletedById: admin.id })
      expect((await historyOf(client.id)).at(-1)).toMatchObject({ action: 'deleted', actorId: admin.id })
    }
    expect((await historyOf(user.id)).at(-1)).toMatchObject({ action: 'deleted', changes: { deletedAt: { from: null, to: at.toISOString() } } })
    await expect(deleteUser(database.db, { id: user.id, actor: admin, at })).resolves.toEqual({ outcome: 'not-found' })
  })

  it('refuses to delete yourself', async () => {
    await expect(deleteUser(database.db, { id: admin.id, actor: admin, at })).resolves.toMatchObject({ outcome: 'self' })
    const [row] = await database.db.select().from(users).where(eq(users.id, admin.id))
    expect(row?.deletedAt).toBeNull()
  })
})
