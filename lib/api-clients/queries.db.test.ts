import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClients, users } from '@/db/schema'
import type { CurrentUser } from '@/lib/auth/roles'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { apiClientsPerPage, listApiClients } from './queries'

let database: TestDatabase
let viewer: CurrentUser
let apiOnly: CurrentUser
const now = new Date('2026-06-01T12:00:00Z')
// Names in no order, differing in case, repeated (by two creators: told apart by when each was added), and one deleted.
const names = Array.from({ length: 3 * apiClientsPerPage + 3 }, (_, index) => `${index % 2 === 0 ? 'client' : 'Client'} ${String((index * 7) % 47).padStart(2, '0')}`)

beforeAll(async () => {
  database = await createTestDatabase()
  const [anne] = await database.db.insert(users).values({ firstName: 'Anne', lastName: 'Wilson', email: 'anne.wilson@education.gov.uk' }).returning()
  const [tom] = await database.db.insert(users).values({ firstName: 'Tom', lastName: 'Baker', email: 'tom.baker@education.gov.uk' }).returning()
  if (!anne || !tom) throw new Error('no user')
  viewer = { id: anne.id, firstName: 'Anne', lastName: 'Wilson', email: anne.email, role: 'general-access' } as CurrentUser
  apiOnly = { id: tom.id, firstName: 'Tom', lastName: 'Baker', email: tom.email, role: 'api-only' } as CurrentUser
  await database.db.insert(apiClients).values(
    names.map((name, index) => ({ name, createdById: index < names.length / 2 ? anne.id : tom.id, expiresOn: '2027-01-01', createdAt: new Date(now.getTime() + index * 1000), deletedAt: index === 4 ? now : null })),
  )
})
afterAll(async () => {
  await database?.close()
})

/** The names a viewer should see, in the list's order: by name ignoring case, then by when they were added. */
function expectedNames(seen: (index: number) => boolean): string[] {
  return names
    .map((name, index) => ({ name, index }))
    .filter(({ index }) => index !== 4 && seen(index))
    .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase(), 'en') || a.index - b.index)
    .map(({ name }) => name)
}

/** Every page from the first until one comes back empty, each page's names, and the totals each reported. */
async function everyPage(person: CurrentUser, search?: Parameters<typeof listApiClients>[4]): Promise<{ pages: string[][]; totals: number[] }> {
  const pages: string[][] = []
  const totals: number[] = []
  for (let page = 1; ; page += 1) {
    const { items, total } = await listApiClients(database.db, person, page, now, search)
    totals.push(total)
    if (items.length === 0) return { pages, totals }
    pages.push(items.map((item) => item.name))
  }
}

describe('listApiClients', () => {
  it('pages live clients by name ignoring case, then by when they were added, to the last page', async () => {
    const expected = expectedNames(() => true)
    const { pages, totals } = await everyPage(viewer)
    // 47 live clients: pages of 15, 15, 15 and 2, the last two read from the end backwards (the third 2 from the end).
    expect(pages.map((names) => names.length)).toEqual([15, 15, 15, 2])
    expect(pages.flat()).toEqual(expected)
    expect(new Set(totals)).toEqual(new Set([expected.length]))
  })

  it('gives an API-only person only their own clients, in the same order, whichever end a page is read from', async () => {
    const expected = expectedNames((index) => index >= names.length / 2)
    const { pages } = await everyPage(apiOnly)
    // Tom's 24: a page of 15 from the front, then 9 read from the end.
    expect(pages.map((names) => names.length)).toEqual([15, 9])
    expect(pages.flat()).toEqual(expected)
  })

  it('pages a text search (which joins the creators) from either end alike', async () => {
    // Every name has "lient" in it, so every live client matches: four pages through the search's own query.
    const { pages } = await everyPage(viewer, { kind: 'text', text: 'lient' })
    expect(pages.map((names) => names.length)).toEqual([15, 15, 15, 2])
    expect(pages.flat()).toEqual(expectedNames(() => true))
  })
})
