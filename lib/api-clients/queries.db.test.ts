import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClients, users } from '@/db/schema'
import type { CurrentUser } from '@/lib/auth/roles'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { apiClientsPerPage, listApiClients } from './queries'

let database: TestDatabase
let viewer: CurrentUser
const now = new Date('2026-06-01T12:00:00Z')
// Names in no order, differing in case, repeated (by two creators: told apart by when each was added), and one deleted.
const names = Array.from({ length: 2 * apiClientsPerPage + 3 }, (_, index) => `${index % 2 === 0 ? 'client' : 'Client'} ${String((index * 7) % 23).padStart(2, '0')}`)

beforeAll(async () => {
  database = await createTestDatabase()
  const [anne] = await database.db.insert(users).values({ firstName: 'Anne', lastName: 'Wilson', email: 'anne.wilson@education.gov.uk' }).returning()
  const [tom] = await database.db.insert(users).values({ firstName: 'Tom', lastName: 'Baker', email: 'tom.baker@education.gov.uk' }).returning()
  if (!anne || !tom) throw new Error('no user')
  viewer = { id: anne.id, firstName: 'Anne', lastName: 'Wilson', email: anne.email, role: 'general-access' } as CurrentUser
  await database.db.insert(apiClients).values(
    names.map((name, index) => ({ name, createdById: index < names.length / 2 ? anne.id : tom.id, expiresOn: '2027-01-01', createdAt: new Date(now.getTime() + index * 1000), deletedAt: index === 4 ? now : null })),
  )
})
afterAll(async () => {
  await database?.close()
})

describe('listApiClients', () => {
  it('pages live clients by name ignoring case, then by when they were added, to the last page', async () => {
    const expected = names
      .map((name, index) => ({ name, index }))
      .filter(({ index }) => index !== 4)
      .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase(), 'en') || a.index - b.index)
      .map(({ name }) => name)
    const served: string[] = []
    for (let page = 1; page <= 3; page += 1) {
      const { items, total } = await listApiClients(database.db, viewer, page, now)
      expect(total).toBe(expected.length)
      served.push(...items.map((item) => item.name))
    }
    expect(served).toEqual(expected)
  })
})
