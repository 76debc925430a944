import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClients, users } from '@/db/schema'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { writeLastUses } from './last-used'

let database: TestDatabase
let creatorId: string

beforeAll(async () => {
  database = await createTestDatabase()
  const [row] = await database.db.insert(users).values({ firstName: 'Anne', lastName: 'Wilson', email: 'anne@education.gov.uk' }).returning()
  if (!row) throw new Error('no user')
  creatorId = row.id
})
afterAll(async () => {
  await database?.close()
})

async function insertClient(name: string) {
  const updatedAt = new Date('2026-01-01T00:00:00Z')
  const [row] = await database.db.insert(apiClients).values({ name, createdById: creatorId, expiresOn: '2027-03-31', updatedAt }).returning()
  if (!row) throw new Error('no client')
  return row
}

const stored = async (id: string) => (await database.db.select().from(apiClients).where(eq(apiClients.id, id)))[0]

describe('writeLastUses', () => {
  it('writes several clients in one go without touching updated_at', async () => {
    const first = await insertClient('first')
    const second = await insertClient('second')
    await writeLastUses(database.db, [
      [first.id, Date.parse('2026-06-01T12:00:00Z')],
      [second.id, Date.parse('2026-06-01T12:00:30Z')],
    ])
    expect((await stored(first.id))?.lastUsedAt).toEqual(new Date('2026-06-01T12:00:00Z'))
    expect((await stored(second.id))?.lastUsedAt).toEqual(new Date('2026-06-01T12:00:30Z'))
    expect((await stored(first.id))?.updatedAt).toEqual(first.updatedAt)
  })

  it('only moves last_used_at forward, so instances flushing out of order agree', async () => {
    const client = await insertClient('forward')
    await writeLastUses(database.db, [[client.id, Date.parse('2026-06-01T12:01:00Z')]])
    await writeLastUses(database.db, [[client.id, Date.parse('2026-06-01T12:00:00Z')]])
    expect((await stored(client.id))?.lastUsedAt).toEqual(new Date('2026-06-01T12:01:00Z'))
  })

  it('writes more clients than fit in one statement', async () => {
    const clients = await Promise.all(Array.from({ length: 3 }, (_, index) => insertClient(`batch-${index}`)))
    const many: Array<[string, number]> = Array.from({ length: 2_500 }, (_, index) => [
      `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      0,
    ])
    await writeLastUses(database.db, [...many, ...clients.map((client): [string, number] => [client.id, Date.parse('2026-06-02T00:00:00Z')])])
    for (const client of clients) expect((await stored(client.id))?.lastUsedAt).toEqual(new Date('2026-06-02T00:00:00Z'))
  })
})
