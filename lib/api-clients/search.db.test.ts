import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { apiClients, users } from '@/db/schema'
import { staffPageAccess } from '@/lib/auth/page-access'
import type { CurrentUser } from '@/lib/auth/roles'
import { createTestDatabase, insertApiClientWithToken, type TestDatabase } from '@/test/database'
import { countVisibleApiClients } from './access'
import { apiClientsPerPage, listApiClients } from './queries'
import { parseClientSearch, type ClientSearch } from './search'

let database: TestDatabase
let anne: CurrentUser
let priya: CurrentUser
const now = new Date('2026-12-01T12:00:00Z')

async function addUser(firstName: string, lastName: string, apiUser: boolean): Promise<CurrentUser> {
  const email = `${firstName.toLowerCase()}.${lastName.toLowerCase()}@education.gov.uk`
  const [row] = await database.db.insert(users).values({ firstName, lastName, email, apiUser }).returning()
  if (!row) throw new Error('no user')
  return { id: row.id, firstName, lastName, email, role: apiUser ? 'api-only' : 'general-access' }
}

function searchFor(q: string): ClientSearch | undefined {
  const parsed = parseClientSearch(q)
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.search
}

async function names(viewer: CurrentUser, q: string, page = 1): Promise<string[]> {
  const { items } = await listApiClients(database.db, viewer, page, now, searchFor(q))
  return items.map((item) => item.name)
}

beforeAll(async () => {
  database = await createTestDatabase()
  anne = await addUser('Anne', 'Admin', false)
  priya = await addUser('Priya', 'Patel', true)
  const client = (name: string, creator: CurrentUser, tokenHint = 'zzzz') =>
    insertApiClientWithToken(database.db, { name, createdById: creator.id, expiresOn: '2027-06-30' }, { tokenHint })
  await client('Acme Payroll', anne, 'Ab12')
  await client('50% Discount Feed', anne)
  await client('Under_Score', anne)
  await client('Priya Reports', priya, 'Xy9Z')
  await client('Acme Priya', priya)
  const deleted = await client('Acme Deleted', anne, 'Ab12')
  await database.db.update(apiClients).set({ deletedAt: now }).where(eq(apiClients.id, deleted.id))
})
afterAll(async () => {
  await database?.close()
})

describe('searching the API clients list', () => {
  it('matches any part of a client’s name, ignoring case, and never a deleted client', async () => {
    expect(await names(anne, 'aCmE')).toEqual(['Acme Payroll', 'Acme Priya'])
    expect(await names(anne, 'payroll')).toEqual(['Acme Payroll'])
  })

  it('matches the creator’s name and e-mail address', async () => {
    expect(await names(anne, 'priya patel')).toEqual(['Acme Priya', 'Priya Reports'])
    expect(await names(anne, 'anne.admin@')).toEqual(['50% Discount Feed', 'Acme Payroll', 'Under_Score'])
  })

  it('takes % and _ as themselves', async () => {
    expect(await names(anne, '50%')).toEqual(['50% Discount Feed'])
    expect(await names(anne, '%')).toEqual(['50% Discount Feed'])
    expect(await names(anne, 'r_s')).toEqual(['Under_Score'])
    expect(await names(anne, '_')).toEqual(['Under_Score'])
  })

  it('finds a client by the start of its token, or the whole token, through the hint alone', async () => {
    expect(await names(anne, 'rotp_live_Ab12')).toEqual(['Acme Payroll'])
    expect(await names(anne, `rotp_test_Ab12${'q'.repeat(45)}`)).toEqual(['Acme Payroll'])
    // Hints are case-sensitive, as tokens are.
    expect(await names(anne, 'rotp_live_ab12')).toEqual([])
    // Fewer than 4 characters after the prefix is text, which no name holds.
    expect(await names(anne, 'rotp_live_Ab1')).toEqual([])
  })

  it('searches only an API-only user’s own clients', async () => {
    expect(await names(priya, 'acme')).toEqual(['Acme Priya'])
    expect(await names(priya, 'rotp_live_Ab12')).toEqual([])
    expect(await names(priya, 'rotp_live_Xy9Z')).toEqual(['Priya Reports'])
    expect(await names(priya, 'anne')).toEqual([])
  })

  it('pages through a search, and counts only what it matches', async () => {
    for (let index = 1; index <= apiClientsPerPage + 1; index += 1) {
      await insertApiClientWithToken(database.db, { name: `Bulk ${String(index).padStart(2, '0')}`, createdById: anne.id, expiresOn: '2027-06-30' })
    }
    const search = searchFor('bulk')
    expect(await countVisibleApiClients(database.db, anne, search)).toBe(apiClientsPerPage + 1)
    expect(await names(anne, 'bulk', 2)).toEqual([`Bulk ${apiClientsPerPage + 1}`])
    const first = await listApiClients(database.db, anne, 1, now, search)
    expect(first).toMatchObject({ total: apiClientsPerPage + 1 })
    expect(first.items).toHaveLength(apiClientsPerPage)

    // The proxy's 404 for a page after the last uses the same count.
    const session = { userId: anne.id, signedInAt: Date.now() }
    expect(await staffPageAccess(database.db, session, '/api-clients', new URLSearchParams({ q: 'bulk', page: '2' }), now)).toBe('page')
    expect(await staffPageAccess(database.db, session, '/api-clients', new URLSearchParams({ q: 'payroll', page: '2' }), now)).toBe('not-found')
  })
})
