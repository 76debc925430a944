import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { users } from '../schema'
import { readyMessage } from './first-start'
import { demoUsers, seedDemoUsers } from './users'

let database: TestDatabase
const address = 'http://localhost:3000'

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await database?.close()
})

describe('readyMessage', () => {
  it('gives only the address while the demo users are not there', async () => {
    expect(await readyMessage(database.db, address, true)).toBe('Ready: http://localhost:3000')
  })

  it('names the first demo user and the demo password once they can sign in', async () => {
    await seedDemoUsers(database.db, new Date('2026-01-05T09:00:00Z'))
    expect(await readyMessage(database.db, address, true)).toBe(
      'Ready: http://localhost:3000 — sign in as anne.wilson@education.gov.uk / Register-Demo-2026',
    )
  })

  it('offers no sign-in when the password form is off or the demo user cannot use it', async () => {
    expect(await readyMessage(database.db, address, false)).toBe('Ready: http://localhost:3000')
    const email = demoUsers[0]?.email ?? ''
    await database.db.update(users).set({ active: false }).where(eq(users.email, email))
    expect(await readyMessage(database.db, address, true)).toBe('Ready: http://localhost:3000')
  })
})
