import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClients, users } from '@/db/schema'
import { apiClientCounts } from '@/lib/users/details'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { activeApiClientAt, apiClientStatus } from './status'

let database: TestDatabase
let creatorId: string

beforeAll(async () => {
  database = await createTestDatabase()
  const [row] = await database.db.insert(users).values({ firstName: 'Anne', lastName: 'Wilson', email: 'anne@education.gov.uk' }).returning()
  if (!row) throw new Error('no user')
  creatorId = row.id
  // 23:30 on 31 May in UTC is already 1 June in the UK (BST): the date boundary is the UK's, in SQL as in TypeScript.
  const clients = [
    { name: 'expires on the UK day', expiresOn: '2026-06-01' },
    { name: 'expired the UK day before', expiresOn: '2026-05-31' },
    { name: 'expires later', expiresOn: '2027-03-31' },
    { name: 'revoked', expiresOn: '2027-03-31', revokedAt: new Date('2026-05-01T00:00:00Z') },
    { name: 'deleted', expiresOn: '2027-03-31', deletedAt: new Date('2026-05-01T00:00:00Z') },
  ]
  await database.db
    .insert(apiClients)
    .values(clients.map((client, index) => ({ ...client, createdById: creatorId, tokenHash: `hash-${index}`, tokenHint: 'abcd' })))
})
afterAll(async () => {
  await database?.close()
})

const now = new Date('2026-05-31T23:30:00Z')

describe('activeApiClientAt', () => {
  it('selects exactly the clients apiClientStatus calls active', async () => {
    const rows = await database.db.select().from(apiClients)
    const selected = await database.db.select({ name: apiClients.name }).from(apiClients).where(activeApiClientAt(now))
    const expected = rows.filter((row) => apiClientStatus(row, now) === 'active').map((row) => row.name)
    expect(selected.map((row) => row.name).sort()).toEqual(expected.sort())
    expect(expected.sort()).toEqual(['deleted', 'expires later', 'expires on the UK day'])
  })

  it('counts a user’s live and active clients with the same rule', async () => {
    expect(await apiClientCounts(database.db, creatorId, now)).toEqual({ live: 4, active: 2 })
  })
})
