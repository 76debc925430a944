import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { users } from '@/db/schema'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { listUsers, usersPerPage } from './list'

let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
  // 30 live users with shuffled names, one deleted, one inactive.
  const names = Array.from({ length: 30 }, (_, index) => ({
    firstName: `Person ${String(29 - index).padStart(2, '0')}`,
    lastName: index % 2 ? 'b' : 'A',
  }))
  await database.db.insert(users).values(names.map((name, index) => ({ ...name, email: `person.${index}@education.gov.uk`, active: index !== 3 })))
  await database.db.insert(users).values([
    { firstName: 'aaron', lastName: 'Zed', email: 'aaron@education.gov.uk' },
    { firstName: 'Aaron', lastName: 'Able', email: 'aaron.able@education.gov.uk' },
    { firstName: 'Aardvark', lastName: 'Gone', email: 'gone@education.gov.uk', deletedAt: new Date() },
  ])
})
afterAll(async () => {
  await database?.close()
})

describe('listUsers', () => {
  it('pages 25 at a time by first then last name ignoring case, without deleted users', async () => {
    const first = await listUsers(database.db, 1)
    const second = await listUsers(database.db, 2)
    expect(first.total).toBe(32)
    expect(first.items).toHaveLength(usersPerPage)
    expect(second.items).toHaveLength(7)
    expect(first.items.slice(0, 3).map((user) => user.name)).toEqual(['Aaron Able', 'aaron Zed', 'Person 00 b'])
    expect([...first.items, ...second.items].some((user) => user.name.startsWith('Aardvark'))).toBe(false)
    expect([...first.items, ...second.items].find((user) => user.email === 'person.3@education.gov.uk')?.active).toBe(false)
  })
})
