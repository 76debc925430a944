import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { users } from '@/db/schema'
import { createApiClient, deleteApiClient, renameApiClient, revokeApiClient } from '@/lib/api-clients/commands'
import type { CurrentUser } from '@/lib/auth/roles'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { cacheIsTrustworthy, listenForClientChanges, stopListeningForClientChanges } from './change-listener'
import { announceApiClientChange, apiClientChangeChannel, everyApiClient, verificationCache } from './client-changes'

let database: TestDatabase
let anne: CurrentUser
const heard: string[] = []
const at = new Date('2026-06-01T12:00:00Z')
const tokens = { pepper: 'test-pepper-for-client-changes-0123456789', environment: 'test' as const }

/** Subscribes with the driver itself, as another instance would. */
async function overhear(): Promise<void> {
  const record = (payload: string) => void heard.push(payload)
  if (database.kind === 'pglite') await database.pglite.listen(apiClientChangeChannel, record)
  else await database.sql.listen(apiClientChangeChannel, record)
}

/** Sends a marker and waits for it: notifications arrive in commit order, so anything earlier has too. */
async function heardUpToNow(): Promise<string[]> {
  const marker = `marker-${heard.length}-${Math.random()}`
  await database.db.transaction((tx) => announceApiClientChange(tx, marker))
  await vi.waitFor(() => expect(heard).toContain(marker))
  return heard.splice(0).filter((payload) => !payload.startsWith('marker-'))
}

async function newClient(name: string) {
  const result = await createApiClient(database.db, { name, expiresOn: '2027-03-31', creator: anne, at, tokens })
  if (result.outcome !== 'created') throw new Error('not created')
  return result.client
}

const cachedClient = (id: string) => ({ id, name: 'Cached', expiresOn: '2027-03-31', createdById: anne.id, tokenStopsAt: null })

beforeAll(async () => {
  database = await createTestDatabase()
  const [row] = await database.db.insert(users).values({ firstName: 'Anne', lastName: 'Wilson', email: 'anne@education.gov.uk' }).returning()
  if (!row) throw new Error('no user')
  anne = { id: row.id, firstName: row.firstName, lastName: row.lastName, email: row.email, role: 'general-access' }
  await overhear()
})
afterAll(async () => {
  await stopListeningForClientChanges()
  await database?.close()
})

describe('API client change notifications', () => {
  it('are sent by rename, revoke and delete, with the client id, and not by a change that did nothing', async () => {
    const client = await newClient('Notified')
    await renameApiClient(database.db, { id: client.id, name: 'Notified', actor: anne, at })
    await renameApiClient(database.db, { id: client.id, name: 'Renamed', actor: anne, at })
    await revokeApiClient(database.db, { id: client.id, actor: anne, at })
    await revokeApiClient(database.db, { id: client.id, actor: anne, at })
    await deleteApiClient(database.db, { id: client.id, actor: anne, at })
    expect(await heardUpToNow()).toEqual([client.id, client.id, client.id])
  })

  it('are delivered only when the transaction commits', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await announceApiClientChange(tx, 'rolled-back')
        throw new Error('the change fails after announcing it')
      }),
    ).rejects.toThrow('the change fails')
    expect(await heardUpToNow()).toEqual([])
  })

  it('empty this process’s cache straight after the command, before any notification arrives', async () => {
    const client = await newClient('Forgotten at once')
    const cache = verificationCache()
    cache.set('hash-forgotten', cachedClient(client.id), Date.now(), cache.generation)
    await revokeApiClient(database.db, { id: client.id, actor: anne, at })
    expect(cache.get('hash-forgotten', Date.now())).toBeUndefined()
  })
})

describe(`the listener (${process.env.TEST_DATABASE_KIND ?? 'pglite'})`, () => {
  it('trusts the cache only once listening, and forgets a client when another instance announces a change', async () => {
    await stopListeningForClientChanges()
    expect(cacheIsTrustworthy()).toBe(false)
    listenForClientChanges(database)
    await vi.waitFor(() => expect(cacheIsTrustworthy()).toBe(true))
    const cache = verificationCache()
    cache.set('hash-a', cachedClient('00000000-0000-4000-8000-00000000000a'), Date.now(), cache.generation)
    cache.set('hash-b', cachedClient('00000000-0000-4000-8000-00000000000b'), Date.now(), cache.generation)
    // Announced without the local forgetApiClient(), as a change made by another instance would arrive.
    await database.db.transaction((tx) => announceApiClientChange(tx, '00000000-0000-4000-8000-00000000000a'))
    await vi.waitFor(() => expect(cache.get('hash-a', Date.now())).toBeUndefined())
    expect(cache.get('hash-b', Date.now())?.name).toBe('Cached')
    await database.db.transaction((tx) => announceApiClientChange(tx, everyApiClient))
    await vi.waitFor(() => expect(cache.size).toBe(0))
  })

  it('stops trusting the cache when listening stops', async () => {
    listenForClientChanges(database)
    await vi.waitFor(() => expect(cacheIsTrustworthy()).toBe(true))
    await stopListeningForClientChanges()
    expect(cacheIsTrustworthy()).toBe(false)
  })
})
