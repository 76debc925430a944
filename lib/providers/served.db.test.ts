import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addresses, providers } from '@/db/schema'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { ids, insertChildrenOfA, insertTestRegister } from '@/test/providers/test-register'
import { changesResponseSchema } from './change-schema'
import { feedStart } from './feed-cursor'
import { parseProviderListQuery, providerFiltersOf } from './list-query'
import { providerListResponse } from './present'
import { providerListResponseSchema, providerResponseSchema } from './provider-schema'
import { listProviders } from './queries'
import { readRegisterPosition } from './register-position'
import { type SerialisedBody } from '@/lib/api/conditional'
import { providerBody, providerChangesBody, providerListBody } from './served'
import { waitForWritersBefore } from './sync-test/clients'

let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
  await insertTestRegister(database.db)
  await insertChildrenOfA(database.db)
})
afterAll(async () => {
  await database?.close()
})

function query(search: string) {
  const parsed = parseProviderListQuery(new URLSearchParams(search))
  if (!parsed.ok) throw new Error(`invalid query ${search}`)
  return parsed
}

const listBody = (search: string) => {
  const { query: parsed, given } = query(search)
  return providerListBody(database.db, parsed, given)
}

// A writer in another database on the same server (another test file) holds the horizon back, and with it
// whether a position is settled: wait for those that began before now.
const settle = () => waitForWritersBefore(database.db)


const decoder = new TextDecoder()
/** A served body's text (bodies are kept as their UTF-8 bytes). */
const textOf = (body: SerialisedBody | undefined) => (body === undefined ? undefined : decoder.decode(body.bytes))

describe('the register API bodies served from memory', () => {
  it('are the bytes a fresh build gives, and match the output schema (zod stays the contract)', async () => {
    await settle()
    const { query: parsed } = query('per_page=2&page=2')
    const fresh = await listProviders(database.db, providerFiltersOf(parsed), { page: 2, perPage: 2 })
    const expected = providerListResponse(fresh.providers, { path: '/api/v1/providers', filters: {}, page: 2, perPage: 2, total: fresh.total })
    const served = await listBody('per_page=2&page=2')
    const text = textOf(served) ?? ''
    expect(text).toBe(JSON.stringify(expected))
    expect(providerListResponseSchema.strict().parse(JSON.parse(text))).toEqual(JSON.parse(text))
    const one = await providerBody(database.db, ids.A)
    expect(providerResponseSchema.parse(JSON.parse(textOf(one) ?? 'null'))).toEqual(JSON.parse(textOf(one) ?? 'null'))
    const feed = await providerChangesBody(database.db, undefined, feedStart, 3)
    expect(changesResponseSchema.parse(JSON.parse(textOf(feed) ?? 'null'))).toEqual(JSON.parse(textOf(feed) ?? 'null'))
  })

  it('are kept while the register does not change', async () => {
    await settle()
    const first = await listBody('per_page=3')
    expect(await listBody('per_page=3')).toBe(first)
    expect(await listBody('per_page=2')).not.toBe(first)
  })

  it('are built again once a provider or one of its children changes', async () => {
    await settle()
    const before = await listBody('per_page=100')
    const single = await providerBody(database.db, ids.A)
    await database.db.update(providers).set({ operatingName: 'Renamed A' }).where(eq(providers.id, ids.A))
    const after = await listBody('per_page=100')
    expect(textOf(after)).toContain('Renamed A')
    expect(after.tag).not.toBe(before.tag)
    await database.db.update(addresses).set({ postcode: 'SW1A 2AA' }).where(eq(addresses.providerId, ids.A))
    const child = await providerBody(database.db, ids.A)
    expect(textOf(child)).toContain('SW1A 2AA')
    expect(textOf(child)).not.toBe(textOf(single))
  })

  it('are not kept from a transaction still open: its position is not settled, and a rollback leaves no trace', async () => {
    await settle()
    await expect(
      database.db.transaction(async (tx) => {
        await tx.update(providers).set({ operatingName: 'Never committed' }).where(eq(providers.id, ids.B))
        expect((await readRegisterPosition(tx)).settled).toBe(false)
        const { query: parsed, given } = query('per_page=100')
        expect(textOf(await providerListBody(tx, parsed, given))).toContain('Never committed')
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    expect(textOf(await listBody('per_page=100'))).not.toContain('Never committed')
  })

  it('a known exact count is used instead of counting', async () => {
    const result = await listProviders(database.db, {}, { page: 1, perPage: 2 }, { knownTotal: 99 })
    expect(result.total).toBe(99)
    expect(result.providers).toHaveLength(2)
  })
})
