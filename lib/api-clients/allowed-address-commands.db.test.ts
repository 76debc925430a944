import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { revisions, users } from '@/db/schema'
import type { CurrentUser } from '@/lib/auth/roles'
import { apiClientChangesSchema, apiClientSnapshotSchema } from '@/lib/history/snapshots'
import { apiClientChangeChannel, verificationCache } from '@/lib/token-cache/client-changes'
import { hashToken } from '@/lib/tokens/format'
import { verifyTokenHash } from '@/lib/tokens/verify'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { changeAllowedAddresses } from './allowed-address-commands'
import { createApiClient, revokeApiClient } from './commands'

let database: TestDatabase
let owner: CurrentUser
let stranger: CurrentUser
const heard: string[] = []
const at = new Date('2026-11-22T10:00:00Z')
const tokens = { pepper: 'test-pepper-allowed-addresses-0123456789', environment: 'test' as const }

async function addUser(email: string, apiUser: boolean): Promise<CurrentUser> {
  const [row] = await database.db.insert(users).values({ firstName: 'Test', lastName: email, email, apiUser }).returning()
  if (!row) throw new Error('no user')
  return { id: row.id, firstName: row.firstName, lastName: row.lastName, email: row.email, role: apiUser ? 'api-only' : 'general-access' }
}

async function create(name: string, allowedAddresses?: string[]) {
  const result = await createApiClient(database.db, { name, expiresOn: '2027-06-30', allowedAddresses, creator: owner, at, tokens })
  if (result.outcome !== 'created') throw new Error(`could not create ${name}`)
  return { client: result.client, hash: hashToken(result.token, tokens.pepper) }
}

async function revisionsOf(id: string) {
  const rows = await database.db.select().from(revisions).where(eq(revisions.entityId, id)).orderBy(revisions.revisionNumber)
  return rows.map((row) => ({
    action: row.action,
    actorId: row.actorId,
    allowed: apiClientSnapshotSchema.parse(row.snapshot).allowedAddresses,
    changes: apiClientChangesSchema.parse(row.changes),
  }))
}

/** Where the verified client may call from, as the register API would see it. */
async function allows(hash: string, address: string): Promise<boolean> {
  const result = await verifyTokenHash(database.db, hash, at)
  if (!result.ok) throw new Error(result.reason)
  return result.client.addressAllowlist?.allows(address) ?? true
}

beforeAll(async () => {
  database = await createTestDatabase()
  owner = await addUser('owner@education.gov.uk', true)
  stranger = await addUser('stranger@education.gov.uk', true)
  // Subscribed with the driver itself, as another instance's listener is.
  const record = (payload: string) => void heard.push(payload)
  if (database.kind === 'pglite') await database.pglite.listen(apiClientChangeChannel, record)
  else await database.sql.listen(apiClientChangeChannel, record)
})
afterAll(async () => {
  await database?.close()
})

describe('allowed IP addresses', () => {
  it('are stored when the client is added, in its added revision, and come with its verified token', async () => {
    const { client, hash } = await create('Office only', ['192.0.2.0/24'])
    expect(client.allowedAddresses).toEqual(['192.0.2.0/24'])
    expect(await revisionsOf(client.id)).toEqual([{ action: 'added', actorId: owner.id, allowed: ['192.0.2.0/24'], changes: {} }])
    expect(await allows(hash, '192.0.2.77')).toBe(true)
    expect(await allows(hash, '203.0.113.7')).toBe(false)
  })

  it('default to none, which lets any address use the token', async () => {
    const { client, hash } = await create('Anywhere')
    expect(client.allowedAddresses).toEqual([])
    const result = await verifyTokenHash(database.db, hash, at)
    expect(result.ok && result.client.addressAllowlist).toBeUndefined()
  })

  it('change with an updated revision holding old and new lists, and the next verification uses the new list', async () => {
    const { client, hash } = await create('Moving office', ['192.0.2.0/24'])
    const result = await changeAllowedAddresses(database.db, { id: client.id, allowedAddresses: ['2001:db8::/32'], actor: owner, at })
    expect(result.outcome).toBe('changed')
    expect((await revisionsOf(client.id)).at(-1)).toEqual({
      action: 'updated',
      actorId: owner.id,
      allowed: ['2001:db8::/32'],
      changes: { allowedAddresses: { from: ['192.0.2.0/24'], to: ['2001:db8::/32'] } },
    })
    expect(await allows(hash, '192.0.2.77')).toBe(false)
    expect(await allows(hash, '2001:db8::5')).toBe(true)
    await changeAllowedAddresses(database.db, { id: client.id, allowedAddresses: [], actor: owner, at })
    expect(await allows(hash, '203.0.113.7')).toBe(true)
  })

  it('record nothing and announce nothing when the list is the same', async () => {
    const { client } = await create('Unchanged', ['192.0.2.10/32'])
    heard.length = 0
    expect(await changeAllowedAddresses(database.db, { id: client.id, allowedAddresses: ['192.0.2.10/32'], actor: owner, at })).toMatchObject({
      outcome: 'unchanged',
    })
    expect(await revisionsOf(client.id)).toHaveLength(1)
    expect(heard).toEqual([])
  })

  it('tell every instance, and forget this one’s cached verification, when they change', async () => {
    const { client } = await create('Cached', ['192.0.2.10/32'])
    const cache = verificationCache()
    const cached = { id: client.id, name: client.name, expiresOn: client.expiresOn, createdById: owner.id, tokenStopsAt: null }
    cache.set('hash-of-cached', cached, Date.now(), cache.generation)
    heard.length = 0
    await changeAllowedAddresses(database.db, { id: client.id, allowedAddresses: ['192.0.2.11/32'], actor: owner, at })
    expect(cache.get('hash-of-cached', Date.now())).toBeUndefined()
    await vi.waitFor(() => expect(heard).toEqual([client.id]))
  })

  it('cannot be changed by an API-only user on someone else’s client, nor on a revoked client', async () => {
    const { client } = await create('Guarded', ['192.0.2.10/32'])
    expect(await changeAllowedAddresses(database.db, { id: client.id, allowedAddresses: [], actor: stranger, at })).toEqual({ outcome: 'not-found' })
    await revokeApiClient(database.db, { id: client.id, actor: owner, at })
    expect(await changeAllowedAddresses(database.db, { id: client.id, allowedAddresses: [], actor: owner, at })).toMatchObject({ outcome: 'not-active' })
    expect((await revisionsOf(client.id)).map((revision) => revision.action)).toEqual(['added', 'revoked'])
  })

  it('are capped at 50 by the database too', async () => {
    const many = Array.from({ length: 51 }, (_, index) => `192.0.2.${index}/32`)
    await expect(create('Too many', many)).rejects.toThrow()
  })
})
