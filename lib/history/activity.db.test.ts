import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { users } from '@/db/schema'
import { createApiClient, deleteApiClient, renameApiClient, revokeApiClient } from '@/lib/api-clients/commands'
import type { CurrentUser } from '@/lib/auth/roles'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { createUser, deactivateUser, deleteUser, updateUser } from '@/lib/users/commands'
import { activityPerPage, apiClientHistory, listActivity, userHistory, type ActivityItem } from './activity'

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

/** The name an item is about: the client's or the user's. */
const subjectOf = (item: ActivityItem | undefined) => (item?.subject === 'user' ? item.name : item?.clientName)

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
    expect(items.map((item) => [item.title, subjectOf(item)])).toEqual([
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
    expect(items.map(subjectOf)).toEqual(['Priya Renamed', 'Priya Client'])
  })

  it('keeps a deleted client’s items but without links', async () => {
    const { items } = await listActivity(database.db, tom, 1)
    expect(items).toHaveLength(3)
    expect(items.every((item) => item.href === undefined)).toBe(true)
    const priyas = await listActivity(database.db, priya, 1)
    expect(priyas.items[0]?.href).toMatch(/^\/api-clients\/[0-9a-f-]{36}$/)
  })

  it('names a deleted actor "Deleted user"', async () => {
    await database.db
      .update(users)
      .set({ deletedAt: new Date('2026-11-06T00:00:00Z') })
      .where(eq(users.id, anne.id))
    const { items } = await listActivity(database.db, priya, 1)
    expect(items[0]?.actorName).toBe('Deleted user')
    await database.db.update(users).set({ deletedAt: null }).where(eq(users.id, anne.id))
  })

  it('pages by 25 and gives one client’s history on its own', async () => {
    const client = await add('Busy Client', anne, new Date('2026-11-10T09:00:00Z'))
    for (let index = 1; index <= activityPerPage; index += 1) {
      await renameApiClient(database.db, {
        id: client.id,
        name: `Busy Client ${index}`,
        actor: anne,
        at: new Date(Date.UTC(2026, 10, 10, 10, index)),
      })
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

describe('user activity', () => {
  it('shows general-access users each change to a user, and its consequences for their clients, and API-only users none of it', async () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 9, minute))
    const created = await createUser(database.db, {
      details: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada.activity@education.gov.uk', apiUser: true },
      actor: anne,
      at: at(0),
    })
    if (created.outcome !== 'created') throw new Error('not created')
    const ada: CurrentUser = { id: created.user.id, firstName: 'Ada', lastName: 'Lovelace', email: created.user.email, role: 'api-only' }
    await add('Ada Client', ada, at(1))
    await updateUser(database.db, {
      id: ada.id,
      details: { lastName: 'Byron', email: 'ada.byron@education.gov.uk', apiUser: false },
      actor: anne,
      at: at(2),
    })
    await deactivateUser(database.db, { id: ada.id, actor: anne, at: at(3) })

    const { items } = await listActivity(database.db, anne, 1)
    // The client's revocation follows from the deactivation: the system's, with the reason (decision 0018).
    expect(items.slice(0, 5).map((item) => [item.title, subjectOf(item), item.actorName])).toEqual([
      ['API client revoked', 'Ada Client', null],
      ['User deactivated', 'Ada Byron', 'Anne Tester'],
      ['User updated', 'Ada Byron', 'Anne Tester'],
      ['API client added', 'Ada Client', 'Ada Byron'],
      ['User added', 'Ada Lovelace', 'Anne Tester'],
    ])
    expect(items[0]).toMatchObject({ subject: 'api-client', revokedReason: 'creator-deactivated' })
    expect(items[2]).toMatchObject({
      subject: 'user',
      previousName: 'Ada Lovelace',
      email: 'ada.byron@education.gov.uk',
      previousEmail: 'ada.activity@education.gov.uk',
      apiUser: false,
      previousApiUser: true,
      href: `/users/${ada.id}`,
    })
    expect((await userHistory(database.db, ada.id)).map((item) => item.title)).toEqual(['User deactivated', 'User updated', 'User added'])

    // API-only users see nothing about users, not even their own account's changes.
    const { items: tomsItems } = await listActivity(database.db, tom, 1)
    expect(tomsItems.every((item) => item.subject === 'api-client')).toBe(true)

    await deleteUser(database.db, { id: ada.id, actor: anne, at: at(4) })
    const afterDelete = await listActivity(database.db, anne, 1)
    expect(afterDelete.items.slice(0, 2).map((item) => [item.title, item.href])).toEqual([
      ['API client deleted', undefined],
      ['User deleted', undefined],
    ])
  })
})
