import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClientUsage, users } from '@/db/schema'
import { createTestDatabase, insertApiClientWithToken, type TestDatabase } from '@/test/database'
import { addUsageCounts, newCountLedger, noteOutcome, pruneUsage, takeDueCounts, type CountLedger, type UsageOutcome } from './counts'
import { usageReport } from './report'

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

async function insertClient(name: string): Promise<string> {
  return (await insertApiClientWithToken(database.db, { name, createdById: creatorId, expiresOn: '2027-03-31' })).id
}

/** Notes `times` requests of one outcome at an instant, as the route wrapper would with an injected clock. */
function note(ledger: CountLedger, clientId: string, outcome: UsageOutcome, iso: string, times = 1) {
  for (let index = 0; index < times; index += 1) noteOutcome(ledger, clientId, outcome, Date.parse(iso))
}

const flush = (ledger: CountLedger) => addUsageCounts(database.db, takeDueCounts(ledger, 0, true))

describe('usage counts in the database', () => {
  it('adds up what two instances counted, on UK days either side of a summer midnight', async () => {
    const clientId = await insertClient('summer')
    const [first, second] = [newCountLedger(), newCountLedger()]
    note(first, clientId, 'succeeded', '2026-06-30T22:59:59Z', 5)
    note(second, clientId, 'succeeded', '2026-06-30T12:00:00Z', 2)
    note(second, clientId, 'rate-limited', '2026-06-30T23:00:00Z', 3)
    note(first, clientId, 'refused', '2026-07-01T22:59:59Z')
    await Promise.all([flush(first), flush(second)])
    note(first, clientId, 'succeeded', '2026-07-01T00:00:00Z')
    await flush(first)

    const report = await usageReport(database.db, clientId, '2026-07-01')
    expect(report.days).toHaveLength(30)
    expect(report.days[0]?.day).toBe('2026-06-02')
    expect(report.days.slice(-2)).toEqual([
      { day: '2026-06-30', succeeded: 7, rateLimited: 0, refused: 0, total: 7 },
      { day: '2026-07-01', succeeded: 1, rateLimited: 3, refused: 1, total: 5 },
    ])
    expect(report.last7).toEqual({ succeeded: 8, rateLimited: 3, refused: 1, total: 12 })
  })

  it('splits days at midnight GMT in winter, and totals 7 and 30 days', async () => {
    const clientId = await insertClient('winter')
    const ledger = newCountLedger()
    note(ledger, clientId, 'succeeded', '2026-12-31T23:59:59Z', 4)
    note(ledger, clientId, 'succeeded', '2027-01-01T00:00:00Z', 1)
    // 8 UK days before 1 January: inside 30 days, outside 7.
    note(ledger, clientId, 'refused', '2026-12-24T10:00:00Z', 2)
    // 30 UK days before: just outside the report.
    note(ledger, clientId, 'succeeded', '2026-12-02T23:59:59Z', 9)
    await flush(ledger)

    const report = await usageReport(database.db, clientId, '2027-01-01')
    expect(report.days.at(-1)).toEqual({ day: '2027-01-01', succeeded: 1, rateLimited: 0, refused: 0, total: 1 })
    expect(report.days.at(-2)).toEqual({ day: '2026-12-31', succeeded: 4, rateLimited: 0, refused: 0, total: 4 })
    expect(report.days[0]?.day).toBe('2026-12-03')
    expect(report.last7).toEqual({ succeeded: 5, rateLimited: 0, refused: 0, total: 5 })
    expect(report.last30).toEqual({ succeeded: 5, rateLimited: 0, refused: 2, total: 7 })
  })

  it('skips a client id that no client has, rather than losing the rest of the batch', async () => {
    const clientId = await insertClient('beside-unknown')
    const ledger = newCountLedger()
    note(ledger, '00000000-0000-4000-8000-000000000000', 'succeeded', '2026-05-01T12:00:00Z')
    note(ledger, clientId, 'succeeded', '2026-05-01T12:00:00Z')
    await flush(ledger)
    expect((await usageReport(database.db, clientId, '2026-05-01')).last7.total).toBe(1)
  })

  it('keeps 13 months: deletes the days before, keeps the first day kept', async () => {
    const clientId = await insertClient('old')
    const ledger = newCountLedger()
    note(ledger, clientId, 'succeeded', '2025-10-31T12:00:00Z')
    note(ledger, clientId, 'succeeded', '2025-11-01T12:00:00Z')
    await flush(ledger)
    await pruneUsage(database.db, '2026-12-01')
    const days = (await database.db.select().from(apiClientUsage)).filter((row) => row.clientId === clientId).map((row) => row.day)
    expect(days).toEqual(['2025-11-01'])
  })
})
