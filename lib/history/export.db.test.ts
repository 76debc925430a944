import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { revisions, users } from '@/db/schema'
import { createApiClient, renameApiClient, revokeApiClient } from '@/lib/api-clients/commands'
import type { CurrentUser } from '@/lib/auth/roles'
import { parseCsv } from '@/test/csv'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { activityCsv, activityExportBatches, exportHeader, type ExportWindow } from './export'
import { parseExportRange } from './export-range'

let database: TestDatabase
let anne: CurrentUser
let priya: CurrentUser
let tom: CurrentUser
let priyasClientId: string
const tokens = { pepper: 'test-pepper-0123456789abcdef0123456789', environment: 'test' as const }

async function addUser(firstName: string, apiUser: boolean): Promise<CurrentUser> {
  const email = `${firstName.toLowerCase()}.export@education.gov.uk`
  const [row] = await database.db.insert(users).values({ firstName, lastName: 'Tester', email, apiUser }).returning()
  if (!row) throw new Error('no user')
  return { id: row.id, firstName, lastName: 'Tester', email, role: apiUser ? 'api-only' : 'general-access' }
}

async function add(name: string, creator: CurrentUser, at: string) {
  const result = await createApiClient(database.db, { name, expiresOn: '2027-06-30', creator, at: new Date(at), tokens })
  if (result.outcome !== 'created') throw new Error('not created')
  return result.client.id
}

/** The window of whole UK days from one date to another, as the download's form gives it. */
function days(from: string, to: string): ExportWindow {
  const [fromYear, fromMonth, fromDay] = from.split('-') as [string, string, string]
  const [toYear, toMonth, toDay] = to.split('-') as [string, string, string]
  const values = { 'from-day': fromDay, 'from-month': fromMonth, 'from-year': fromYear, 'to-day': toDay, 'to-month': toMonth, 'to-year': toYear }
  const range = parseExportRange(values, new Date('2026-12-01T12:00:00Z'))
  if (!range.ok) throw new Error('bad range')
  return range
}

async function csvFor(viewer: CurrentUser, window: ExportWindow, batchSize?: number): Promise<{ text: string; rows: string[][] }> {
  let text = ''
  for await (const chunk of activityCsv(database.db, viewer, window, batchSize)) text += chunk
  return { text, rows: parseCsv(text) }
}

beforeAll(async () => {
  database = await createTestDatabase()
  anne = await addUser('Anne', false)
  priya = await addUser('Priya', true)
  tom = await addUser('Tom', true)
  // 23:30 UTC on 28 March is still 28 March in the UK (GMT); 23:30 UTC on 30 June is 1 July (BST).
  priyasClientId = await add('Priya Client', priya, '2026-03-28T23:30:00Z')
  await renameApiClient(database.db, {
    id: priyasClientId,
    name: '=HYPERLINK("http://evil"), "x"',
    actor: anne,
    at: new Date('2026-06-30T23:30:00Z'),
  })
  const tomsClientId = await add('Tom Client', tom, '2026-07-01T10:00:00Z')
  await revokeApiClient(database.db, { id: tomsClientId, actor: tom, at: new Date('2026-07-01T11:00:00Z') })
  // 00:30 UK time on 2 July (BST): outside a range ending on 1 July.
  await add('@Later', priya, '2026-07-01T23:30:00Z')
})
afterAll(async () => {
  await database?.close()
})

describe('the activity download', () => {
  it('starts with a byte order mark and a header, then a row per revision, oldest first, with old and new values', async () => {
    const { text, rows } = await csvFor(anne, days('2026-03-28', '2026-07-01'))
    expect(text.startsWith('\uFEFFTime (UTC),Type,ID,Name,Revision,Action,By,Changes\r\n')).toBe(true)
    expect(rows[0]).toEqual([...exportHeader])
    expect(rows.slice(1).map((row) => [row[0], row[1], row[3], row[4], row[5], row[6]])).toEqual([
      ['2026-03-28T23:30:00.000Z', 'API client', 'Priya Client', '1', 'API client added', 'Priya Tester'],
      ['2026-06-30T23:30:00.000Z', 'API client', `'=HYPERLINK("http://evil"), "x"`, '2', 'API client updated', 'Anne Tester'],
      ['2026-07-01T10:00:00.000Z', 'API client', 'Tom Client', '1', 'API client added', 'Tom Tester'],
      ['2026-07-01T11:00:00.000Z', 'API client', 'Tom Client', '2', 'API client revoked', 'Tom Tester'],
    ])
    expect(rows[2]?.[2]).toBe(priyasClientId)
    expect(rows[2]?.[7]).toBe('Client name: Priya Client → =HYPERLINK("http://evil"), "x"')
    expect(rows[4]?.[7]).toMatch(/^Revoked at: none → 2026-07-01T11:00:00.000Z$/)
  })

  it('neutralises a cell that starts with a formula character', async () => {
    const { text, rows } = await csvFor(priya, days('2026-07-02', '2026-07-02'))
    expect(rows.slice(1).map((row) => row[3])).toEqual(["'@Later"])
    expect(text).not.toContain(',@Later')
  })

  it('takes UK days: a revision at 23:30 UTC in summer falls on the next day', async () => {
    const { rows } = await csvFor(anne, days('2026-06-30', '2026-06-30'))
    expect(rows).toHaveLength(1)
    const march = await csvFor(anne, days('2026-03-28', '2026-03-28'))
    expect(march.rows.slice(1).map((row) => row[3])).toEqual(['Priya Client'])
  })

  it('gives API-only users only their own clients’ rows, including changes others made', async () => {
    const { rows } = await csvFor(priya, days('2026-01-01', '2026-12-01'))
    expect(rows.slice(1).map((row) => [row[3], row[5], row[6]])).toEqual([
      ['Priya Client', 'API client added', 'Priya Tester'],
      [`'=HYPERLINK("http://evil"), "x"`, 'API client updated', 'Anne Tester'],
      ["'@Later", 'API client added', 'Priya Tester'],
    ])
    const toms = await csvFor(tom, days('2026-01-01', '2026-12-01'))
    expect(toms.rows.slice(1).every((row) => row[3] === 'Tom Client')).toBe(true)
  })

  it('gives general-access users changes to users, and names the system and deleted users', async () => {
    const dan = await addUser('Dan', false)
    await renameApiClient(database.db, { id: priyasClientId, name: 'Priya Again', actor: dan, at: new Date('2026-08-01T09:00:00Z') })
    await database.db
      .update(users)
      .set({ deletedAt: new Date('2026-08-02T09:00:00Z') })
      .where(eq(users.id, dan.id))
    const snapshot = { name: 'Priya Again', expiresOn: '2027-06-30', tokenHint: 'abcd', createdById: priya.id, revokedAt: null, deletedAt: null }
    await database.db.insert(revisions).values({
      entityType: 'api_client',
      entityId: priyasClientId,
      revisionNumber: 99,
      action: 'reminded',
      actorId: null,
      createdAt: new Date('2026-08-03T09:00:00Z'),
      snapshot: { ...snapshot, reminder: { kind: '30-days', recipientName: 'Priya Tester' } },
    })
    const userSnapshot = { firstName: 'Eve', lastName: 'Tester', email: 'eve@education.gov.uk', apiUser: true, active: true, deletedAt: null }
    await database.db.insert(revisions).values({
      entityType: 'user',
      entityId: dan.id,
      revisionNumber: 1,
      action: 'updated',
      actorId: anne.id,
      createdAt: new Date('2026-08-04T09:00:00Z'),
      snapshot: userSnapshot,
      changes: { apiUser: { from: false, to: true } },
    })
    const { rows } = await csvFor(anne, days('2026-08-01', '2026-08-04'))
    expect(rows.slice(1).map((row) => [row[1], row[3], row[5], row[6], row[7]])).toEqual([
      [
        'API client',
        'Priya Again',
        'API client updated',
        'Deleted user',
        `Client name: '=HYPERLINK("http://evil"), "x" → Priya Again`.replace("'", ''),
      ],
      ['API client', 'Priya Again', 'Expiry reminder sent to Priya Tester', 'System', ''],
      ['User', 'Eve Tester', 'User updated', 'Anne Tester', 'API-only user: No → Yes'],
    ])
    const priyas = await csvFor(priya, days('2026-08-01', '2026-08-04'))
    expect(priyas.rows.slice(1).map((row) => row[1])).toEqual(['API client', 'API client'])
  })

  it('reads in batches of the given size, each after the last, keeping the order', async () => {
    const clientId = await add('Busy Client', anne, '2026-09-01T08:00:00Z')
    for (let index = 1; index <= 6; index += 1) {
      // Two revisions in the same millisecond: the id orders them, and the keyset must not skip or repeat one.
      const at = new Date(Date.UTC(2026, 8, 1, 9, index >> 1))
      await renameApiClient(database.db, { id: clientId, name: `Busy Client ${index}`, actor: anne, at })
    }
    // Microseconds, which a JavaScript Date cannot hold: a cursor that rounded them would read a row twice.
    for (const [number, at] of [
      [8, '2026-09-01 10:00:00.000001+00'],
      [9, '2026-09-01 10:00:00.000002+00'],
    ] as const) {
      const snapshot = { name: 'Busy Client 6', expiresOn: '2027-06-30', tokenHint: 'abcd', createdById: anne.id, revokedAt: null, deletedAt: null }
      await database.db.insert(revisions).values({
        entityType: 'api_client',
        entityId: clientId,
        revisionNumber: number,
        action: 'reminded',
        actorId: null,
        createdAt: sql`${at}::timestamptz`,
        snapshot,
      })
    }
    const sizes: number[] = []
    const seen: number[] = []
    for await (const batch of activityExportBatches(database.db, anne, days('2026-09-01', '2026-09-01'), 3)) {
      sizes.push(batch.length)
      seen.push(...batch.map((row) => row.revision.revisionNumber))
    }
    expect(sizes).toEqual([3, 3, 3])
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    const { rows } = await csvFor(anne, days('2026-09-01', '2026-09-01'), 2)
    expect(rows.slice(1).map((row) => row[3])).toEqual([
      'Busy Client',
      ...[1, 2, 3, 4, 5, 6].map((index) => `Busy Client ${index}`),
      'Busy Client 6',
      'Busy Client 6',
    ])
  })

  it('holds no token hash', async () => {
    const { text } = await csvFor(anne, days('2026-01-01', '2026-12-01'))
    const hashes = await database.db.query.apiClientTokens.findMany()
    expect(hashes.length).toBeGreaterThan(0)
    for (const { tokenHash } of hashes) expect(text).not.toContain(tokenHash)
  })
})
