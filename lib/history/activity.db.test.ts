import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { users } from '@/db/schema'
import { createApiClient, deleteApiClient, renameApiClient, revokeApiClient } from '@/lib/api-clients/commands'
import type { CurrentUser } from '@/lib/auth/roles'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { activityPerPage, apiClientHistory, listActivity } from './activity'

let database: TestDatabase
let anne: CurrentUser
let priya: CurrentUser
let tom: CurrentUser
const tokens = { pepper: 'test-pepper-0123456789abcdef0123456789', environment: 'test' as const }

async function addUser(firstName: string, apiUser: boolean): Promise<CurrentUser> {
  const [row] = await database.db
    .insert(users)
    .values({ firstName, lastName: 'Tester', email: `${firstName.toLowerCase()}@education.gov.uk`, apiUser })
    .returning()
  if (!row) throw new Error('no user')
  return { id: row.id, firstName, lastName: 'Tester', email: row.email, role: apiUser ? 'api-only' : 'general-access' }
}

async function add(name: string, creator: CurrentUser, at: Date) {
  const result = await createApiClient(database.db, { name, expiresOn: '2027-06-30', creator, at, tokens })
  if (result.outcome !== 'created') throw new Error('not created')
  return result.client
}

beforeAll(async () => {
  database = await createTestDatabase()
  anne = await addUser('Anne', false)
  priya = await addUser('Priya', true)
  tom = await addUser('Tom', true)
  const priyas = await add('Priya Client', priya, new Date('2026-11-01T09:00:00Z'))
  await renameApiClient(database.db, { id: priyas.id, name: 'Priya Renamed', actor: anne, at: new Date('2026-11-02T09:00:00Z') })
  const toms = await add('Tom Client', tom, new Date('2026-11-03T09:00:00Z'))
  await revokeApiClient(database.db, { id: toms.id, actor: tom, at: new Date('2026-11-04T09:00:00Z') })
  await deleteApiClient(database.db, { id: toms.id, actor: tom, at: new Date('2026-11-05T09:00:00Z') })
})
afterAll(async () => {
  await database?.close()
})

describe('activity', () => {
  it('shows general-access users everything, newest first, with old and new names', async () => {
    const { items, total } = await listActivity(database.db, anne, 1)
    expect(total).toBe(5)
    expect(items.map((item) => [item.title, item.clientName])).toEqual([
      ['API client deleted', 'Tom Client'],
      ['API client revoked', 'Tom Client'],
      ['API client added', 'Tom Client'],
      ['API client updated', 'Priya Renamed'],
      ['API client added', 'Priya Client'],
    ])
    expect(items[3]).toMatchObject({ previousName: 'Priya Client', actorName: 'Anne Tester' })
  })

  it('shows API-only users only the history of clients they created, including changes by others', async () => {
    const { items, total } = await listActivity(database.db, priya, 1)
    expect(total).toBe(2)
    expect(items.map((item) => item.clientName)).toEqual(['Priya Renamed', 'Priya Client'])
  })

  it('keeps a deleted client’s items but without links', async () => {
    const { items } = await listActivity(database.db, tom, 1)
    expect(items).toHaveLength(3)
    expect(items.every((item) => item.href === undefined)).toBe(true)
    const priyas = await listActivity(database.db, priya, 1)
    expect(priyas.items[0]?.href).toMatch(/^\/api-clients\/[0-9a-f-]{36}$/)
  })

  it('names a deleted actor "Deleted user"', async () => {
    await database.db.update(users).set({ deletedAt: new Date('2026-11-06T00:00:00Z') }).where(eq(users.id, anne.id))
    const { items } = await listActivity(database.db, priya, 1)
    expect(items[0]?.actorName).toBe('Deleted user')
    await database.db.update(users).set({ deletedAt: null }).where(eq(users.id, anne.id))
  })

  it('pages by 25 and gives one client’s history on its own', async () => {
    const client = await add('Busy Client', anne, new Date('2026-11-10T09:00:00Z'))
    for (let index = 1; index <= activityPerPage; index += 1) {
      await renameApiClient(database.db, { id: client.id, name: `Busy Client ${index}`, actor: anne, at: new Date(Date.UTC(2026, 10, 10, 10, index)) })
    }
    const first = await listActivity(database.db, anne, 1)
    const second = await listActivity(database.db, anne, 2)
    expect(first.items).toHaveLength(activityPerPage)
    expect(second.items).toHaveLength(first.total - activityPerPage)
    const history = await apiClientHistory(database.db, client.id)
    expect(history).toHaveLength(activityPerPage + 1)
    expect(history.at(-1)?.title).toBe('API client added')
  })
})
