import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiClient, deleteApiClient } from '@/lib/api-clients/commands'
import { apiClientsPerPage } from '@/lib/api-clients/queries'
import { createUser } from '@/lib/users/commands'
import { endSessionsOf } from '@/lib/users/sessions'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { staffPageAccess } from './page-access'
import type { CurrentUser } from './roles'

let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await database.close()
})

const tokens = { pepper: 'test-pepper-0123456789abcdef0123456789', environment: 'test' as const }

async function addPerson(firstName: string, apiUser: boolean): Promise<CurrentUser> {
  const created = await createUser(database.db, {
    details: { firstName, lastName: 'Pager', email: `${firstName.toLowerCase()}.pager@education.gov.uk`, apiUser },
    actor: null,
    at: new Date('2026-12-01T08:00:00.000Z'),
  })
  if (created.outcome !== 'created') throw new Error('not created')
  const { id, lastName, email } = created.user
  return { id, firstName, lastName, email, role: apiUser ? 'api-only' : 'general-access' }
}

describe('staffPageAccess', () => {
  it('judges an API user on /users forbidden only while their session stands, so an ended one is sent to sign in by the page', async () => {
    const created = await createUser(database.db, {
      details: { firstName: 'Pat', lastName: 'Proxy', email: 'pat.proxy@education.gov.uk', apiUser: true },
      actor: null,
      at: new Date('2026-12-01T08:00:00.000Z'),
    })
    if (created.outcome !== 'created') throw new Error('not created')
    const session = { userId: created.user.id, signedInAt: Date.parse('2026-12-01T09:00:00.000Z') }
    const now = new Date('2026-12-01T10:00:00.000Z')
    expect(await staffPageAccess(database.db, session, '/users', new URLSearchParams(), now)).toBe('forbidden')
    expect(await staffPageAccess(database.db, session, '/api-clients/00000000-0000-4000-8000-000000000000', new URLSearchParams(), now)).toBe(
      'not-found',
    )

    await endSessionsOf(database.db, { id: created.user.id, at: new Date('2026-12-01T09:30:00.000Z') })
    expect(await staffPageAccess(database.db, session, '/users', new URLSearchParams(), now)).toBe('page')
    expect(await staffPageAccess(database.db, session, '/api-clients/00000000-0000-4000-8000-000000000000', new URLSearchParams(), now)).toBe('page')
    expect(await staffPageAccess(database.db, { ...session, signedInAt: undefined }, '/users', new URLSearchParams(), now)).toBe('page')
  })

  it('judges a page of API clients after the last the 404 page, counting only the clients the person sees', async () => {
    const general = await addPerson('Gina', false)
    const apiOnly = await addPerson('Otto', true)
    const now = new Date('2026-12-01T10:00:00.000Z')
    const access = (person: CurrentUser, page: string) =>
      staffPageAccess(
        database.db,
        { userId: person.id, signedInAt: Date.parse('2026-12-01T09:00:00.000Z') },
        '/api-clients',
        new URLSearchParams({ page }),
        now,
      )

    // Nobody has a client yet: page 1 (the empty list) is a page, page 2 is past it.
    expect(await access(general, '1')).toBe('page')
    expect(await access(general, '2')).toBe('not-found')

    // One more client than fits a page, all Gina's: two pages for her, still one for Otto, who sees none of them.
    const added = []
    for (let index = 0; index <= apiClientsPerPage; index += 1) {
      const result = await createApiClient(database.db, { name: `Pager ${index}`, expiresOn: '2027-06-30', creator: general, at: now, tokens })
      if (result.outcome !== 'created') throw new Error('not created')
      added.push(result.client)
    }
    expect(await access(general, '2')).toBe('page')
    expect(await access(general, '3')).toBe('not-found')
    expect(await access(apiOnly, '2')).toBe('not-found')
    // Anything that is not a page number is page 1.
    expect(await access(apiOnly, 'last')).toBe('page')

    // A deleted client no longer counts, so the second page goes with it.
    const [first] = added
    if (!first) throw new Error('no client')
    await deleteApiClient(database.db, { id: first.id, actor: general, at: now })
    expect(await access(general, '2')).toBe('not-found')
  })
})
