import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { academicYears, addresses, providerAcademicYears, providers } from '@/db/schema'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { readProviderChanges, type ProviderChange } from './changes'
import { feedStart, type FeedCursor } from './feed-cursor'
import { findProvider } from './queries'
import { waitForWritersBefore } from './sync-test/clients'
import { ids, insertChildrenOfA, insertTestRegister } from '@/test/providers/test-register'

let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
  await insertTestRegister(database.db)
  await insertChildrenOfA(database.db)
})
afterAll(async () => {
  await database?.close()
})

type Page = { changes: ProviderChange[]; next: FeedCursor; hasMore: boolean }

async function page(cursor: FeedCursor, perPage = 100): Promise<Page> {
  const result = await readProviderChanges(database.db, cursor, perPage)
  if (result.outcome !== 'page') throw new Error('the cursor was refused')
  return result
}

/** Follows the feed from `cursor` until has_more is false; returns every change and the cursor to poll from. */
async function drain(cursor: FeedCursor, perPage = 2): Promise<{ changes: ProviderChange[]; cursor: FeedCursor }> {
  // The horizon is the whole server's: a write transaction in another database (another test file) holds it back too.
  await waitForWritersBefore(database.db)
  const changes: ProviderChange[] = []
  for (;;) {
    const result = await page(cursor, perPage)
    changes.push(...result.changes)
    cursor = result.next
    if (!result.hasMore) return { changes, cursor }
  }
}

const summary = (changes: ProviderChange[]) => changes.map(({ change, id }) => `${change} ${id}`)

describe('the change feed', () => {
  let cursor: FeedCursor

  it('serves every provider once from the start, live ones with the same record as findProvider, then stops', async () => {
    const first = await drain(feedStart)
    const served = new Map(first.changes.map((change) => [change.id, change]))
    expect(first.changes).toHaveLength(served.size)
    expect([...served.keys()].sort()).toEqual(Object.values(ids).sort())
    for (const id of [ids.A, ids.B, ids.C, ids.D, ids.E]) {
      const entry = served.get(id)
      expect(entry?.change).toBe('updated')
      expect(entry?.change === 'updated' && entry.provider).toEqual(await findProvider(database.db, id))
    }
    expect(served.get(ids.archived)?.change).toBe('removed')
    expect(served.get(ids.deleted)?.change).toBe('removed')
    cursor = first.cursor
  })

  it('answers an idle poll with nothing, no more, and the same cursor', async () => {
    expect(await page(cursor)).toEqual({ outcome: 'page', changes: [], next: cursor, hasMore: false })
  })

  it('serves a provider again after a change to it or to any of its children, once, at its latest state', async () => {
    await database.db.update(providers).set({ operatingName: 'Provider A renamed' }).where(eq(providers.id, ids.A))
    await database.db.update(addresses).set({ postcode: 'LS2 2BB' }).where(eq(addresses.providerId, ids.A))
    await database.db.insert(addresses).values({ providerId: ids.C, addressLine1: '3 Third Street', townOrCity: 'Hull', postcode: 'HU2 2BB' })
    const { changes, cursor: next } = await drain(cursor)
    expect(summary(changes)).toEqual([`updated ${ids.A}`, `updated ${ids.C}`])
    expect(changes[0]?.change === 'updated' && changes[0].provider).toEqual(await findProvider(database.db, ids.A))
    cursor = next
  })

  it('serves an archived or deleted provider as removed, and a restored one as updated', async () => {
    await database.db.update(providers).set({ archivedAt: new Date() }).where(eq(providers.id, ids.B))
    await database.db.update(providers).set({ deletedAt: new Date() }).where(eq(providers.id, ids.D))
    await database.db.update(providers).set({ archivedAt: null }).where(eq(providers.id, ids.archived))
    const { changes, cursor: next } = await drain(cursor)
    expect(summary(changes)).toEqual([`removed ${ids.B}`, `removed ${ids.D}`, `updated ${ids.archived}`])
    expect(changes.every((change) => change.changedAt instanceof Date)).toBe(true)
    cursor = next
  })

  it('serves the providers of an academic year whose start year changes', async () => {
    await database.db.transaction(async (tx) => {
      // The bounds check is on the row, so the year and its dates move together.
      await tx.update(academicYears).set({ startYear: 2027, startsOn: '2027-08-01', endsOn: '2028-07-31' }).where(eq(academicYears.startYear, 2026))
    })
    const { changes, cursor: next } = await drain(cursor)
    const inYear = await database.db
      .select({ id: providerAcademicYears.providerId })
      .from(providerAcademicYears)
      .innerJoin(academicYears, eq(academicYears.id, providerAcademicYears.academicYearId))
      .where(eq(academicYears.startYear, 2027))
    expect(inYear.length).toBeGreaterThan(0)
    expect(changes.map((change) => change.id).sort()).toEqual([...new Set(inYear.map((row) => row.id))].sort())
    cursor = next
  })

  it('refuses a cursor ahead of every transaction the database has run', async () => {
    expect(await readProviderChanges(database.db, { xid: 2n ** 40n, seq: 1n }, 10)).toEqual({ outcome: 'unknown-cursor' })
  })

  it('serves a hard-deleted provider as removed', async () => {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`delete from provider_academic_years where provider_id = ${ids.deleted}`)
      await tx.execute(sql`delete from contacts where provider_id = ${ids.deleted}`)
      await tx.execute(sql`delete from providers where id = ${ids.deleted}`)
    })
    expect(summary((await drain(cursor)).changes)).toEqual([`removed ${ids.deleted}`])
  })
})
