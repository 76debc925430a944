import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseConnection } from '@/db/client'
import { apiClients, expiryReminders, users, type User } from '@/db/schema'
import { addDays, ukDate } from '@/lib/dates'
import { apiClientHistory } from '@/lib/history/activity'
import { createTestDatabase, insertApiClientWithToken, type TestDatabase } from '@/test/database'
import { startNotifyStandIn, standInApiKey, type NotifyStandIn } from '@/scripts/notify-stand-in/server'
import { notifyEmailSender } from './notify'
import { runReminders, sendingLeaseMs, type RunOptions } from './run'
import { whatToDo } from './words'

const serviceId = '0f0e0d0c-0b0a-4090-8807-060504030201'
const secret = '11223344-5566-4778-899a-abbccddeeff0'
const templates = { expiresSoon: '2b0a4d44-8d2c-4f39-9f0a-6a9b3c2d1e0f', expired: '3c1b5e55-9e3d-4a4a-8a1b-7b0c4d3e2f1a' }

let database: TestDatabase
let standIn: NotifyStandIn
let anne: User
let clientCount = 0

beforeAll(async () => {
  database = await createTestDatabase()
  standIn = await startNotifyStandIn({ serviceId, secret })
  const [row] = await database.db.insert(users).values({ firstName: 'Anne', lastName: 'Wilson', email: 'anne.wilson@education.gov.uk' }).returning()
  if (!row) throw new Error('no user')
  anne = row
})
afterAll(async () => {
  await standIn?.close()
  await database?.close()
})
beforeEach(() => standIn.reset())

/** 00:00 in the UK on this date: midnight UTC in winter, 23:00 UTC the day before in summer. */
function ukMidnight(date: string): Date {
  for (const candidate of [new Date(`${date}T00:00:00Z`), new Date(`${addDays(date, -1)}T23:00:00Z`)]) {
    if (ukDate(candidate) === date && ukDate(new Date(candidate.getTime() - 1)) !== date) return candidate
  }
  throw new Error(`no UK midnight found for ${date}`)
}

const at = (instant: Date) => () => instant

async function addClient(expiresOn: string, creator: User = anne, change: Partial<typeof apiClients.$inferInsert> = {}) {
  clientCount += 1
  return insertApiClientWithToken(database.db, { name: `Client ${clientCount}`, createdById: creator.id, expiresOn, ...change })
}

const sender = (apiKey = standInApiKey('tests', serviceId, secret)) => notifyEmailSender({ apiKey, baseUrl: standIn.url })

function options(instant: Date, extra: Partial<RunOptions> = {}): RunOptions {
  return {
    clock: at(instant),
    send: sender(),
    templates,
    serviceAddress: 'https://register.example',
    retryDelaysMs: [5, 5, 5],
    ...extra,
  }
}

const logOf = (clientId: string) => database.db.select().from(expiryReminders).where(eq(expiryReminders.apiClientId, clientId))
const sentTo = (clientId: string) => standIn.messages().filter((message) => message.personalisation.client_url === `https://register.example/api-clients/${clientId}`)

describe('runReminders', () => {
  it('sends each reminder once, from 00:00 UK time on its day, in winter and in summer time', async () => {
    // 31 March 2027: the 30-day and 7-day reminders fall in GMT, the 1-day and expired ones after the clocks go forward (28 March).
    const client = await addClient('2027-03-31')
    const boundaries = [
      { date: '2027-03-01', kind: '30-days', utc: '2027-03-01T00:00:00.000Z' },
      { date: '2027-03-24', kind: '7-days', utc: '2027-03-24T00:00:00.000Z' },
      { date: '2027-03-30', kind: '1-day', utc: '2027-03-29T23:00:00.000Z' },
      { date: '2027-04-01', kind: 'expired', utc: '2027-03-31T23:00:00.000Z' },
    ] as const
    for (const [index, boundary] of boundaries.entries()) {
      const midnight = ukMidnight(boundary.date)
      expect(midnight.toISOString()).toBe(boundary.utc)
      const before = await runReminders(database.db, options(new Date(midnight.getTime() - 1)))
      expect(before.reminders, `nothing just before ${boundary.date}`).toEqual([])
      const onTime = await runReminders(database.db, options(midnight))
      expect(onTime.reminders.map((reminder) => [reminder.kind, reminder.status])).toEqual([[boundary.kind, 'sent']])
      const again = await runReminders(database.db, options(new Date(midnight.getTime() + 3_600_000)))
      expect(again.reminders, 'once only').toEqual([])
      expect(sentTo(client.id)).toHaveLength(index + 1)
    }
    const messages = sentTo(client.id)
    expect(messages.map((message) => message.templateId)).toEqual([templates.expiresSoon, templates.expiresSoon, templates.expiresSoon, templates.expired])
    expect(messages[1]).toMatchObject({
      emailAddress: 'anne.wilson@education.gov.uk',
      reference: expect.any(String),
      personalisation: {
        first_name: 'Anne',
        client_name: client.name,
        expiry_date: '31 March 2027',
        client_url: `https://register.example/api-clients/${client.id}`,
        what_to_do: whatToDo.expiresSoon,
      },
    })
    expect(messages[3]?.personalisation.what_to_do).toBe(whatToDo.expired)
    const log = await logOf(client.id)
    expect(log.map((row) => [row.kind, row.status, row.attempts]).sort()).toEqual([
      ['1-day', 'sent', 1],
      ['30-days', 'sent', 1],
      ['7-days', 'sent', 1],
      ['expired', 'sent', 1],
    ])
    expect(log.every((row) => row.notificationId !== null && standIn.messages().some((message) => message.id === row.notificationId))).toBe(true)
  })

  it('puts each sent reminder in the client’s history, by the system', async () => {
    const client = await addClient('2030-06-15')
    await runReminders(database.db, options(ukMidnight('2030-06-08')))
    const history = await apiClientHistory(database.db, client.id)
    expect(history.map((item) => [item.title, item.actorName])).toEqual([['Expiry reminder sent to Anne Wilson', null]])
    expect(history[0]).toMatchObject({ clientName: client.name, expiresOn: '2030-06-15' })
  })

  it('sends none for revoked or deleted clients', async () => {
    const revoked = await addClient('2031-06-15', anne, { revokedAt: new Date('2031-01-01T00:00:00Z') })
    const deleted = await addClient('2031-06-15', anne, { deletedAt: new Date('2031-01-01T00:00:00Z') })
    for (const day of ['2031-05-16', '2031-06-08', '2031-06-14', '2031-06-16']) {
      const report = await runReminders(database.db, options(ukMidnight(day)))
      expect(report.reminders).toEqual([])
    }
    expect([...(await logOf(revoked.id)), ...(await logOf(deleted.id))]).toEqual([])
    expect(standIn.messages()).toEqual([])
  })

  it('records, and sends nothing, when the creator is inactive or deleted', async () => {
    const [inactive] = await database.db.insert(users).values({ firstName: 'Rhys', lastName: 'Evans', email: 'rhys@education.gov.uk', active: false }).returning()
    const [gone] = await database.db
      .insert(users)
      .values({ firstName: 'Gone', lastName: 'Person', email: 'gone@education.gov.uk', deletedAt: new Date('2032-01-01T00:00:00Z') })
      .returning()
    if (!inactive || !gone) throw new Error('no users')
    const first = await addClient('2032-06-15', inactive)
    const second = await addClient('2032-06-15', gone)
    const report = await runReminders(database.db, options(ukMidnight('2032-06-08')))
    expect(report.reminders.map((reminder) => [reminder.clientId, reminder.status, reminder.outcome]).sort()).toEqual(
      [
        [first.id, 'no-recipient', 'no one to send it to: the creator is inactive'],
        [second.id, 'no-recipient', 'no one to send it to: the creator has been deleted'],
      ].sort(),
    )
    expect((await logOf(first.id)).map((row) => [row.kind, row.status, row.recipientId])).toEqual([['7-days', 'no-recipient', null]])
    expect(await runReminders(database.db, options(ukMidnight('2032-06-08')))).toEqual({ ran: true, reminders: [] })
    expect(standIn.messages()).toEqual([])
    expect(await apiClientHistory(database.db, first.id)).toEqual([])
  })

  it('catches up after downtime with the reminder that applies now, never the stale ones', async () => {
    const expiresOn = '2033-06-15'
    const late = await addClient(expiresOn)
    // Down from before the 30-day reminder until the day after the 7-day one was due: that one still goes, a day late.
    let report = await runReminders(database.db, options(new Date(ukMidnight('2033-06-09').getTime() + 12 * 3_600_000)))
    expect(report.reminders.map((reminder) => [reminder.clientId, reminder.kind, reminder.status])).toEqual([[late.id, '7-days', 'sent']])
    // Down again until the expiry date: the 1-day reminder, a day late.
    report = await runReminders(database.db, options(ukMidnight(expiresOn)))
    expect(report.reminders.map((reminder) => [reminder.kind, reminder.status])).toEqual([['1-day', 'sent']])

    const away = await addClient(expiresOn)
    // A client whose service was down through all of it gets only the expired one, within a week of expiry.
    report = await runReminders(database.db, options(ukMidnight('2033-06-20')))
    expect(report.reminders.map((reminder) => [reminder.clientId, reminder.kind, reminder.status]).sort()).toEqual(
      [
        [late.id, 'expired', 'sent'],
        [away.id, 'expired', 'sent'],
      ].sort(),
    )
    expect((await logOf(away.id)).map((row) => row.kind)).toEqual(['expired'])
    const tooLate = await addClient('2033-05-01')
    expect((await runReminders(database.db, options(ukMidnight('2033-06-20')))).reminders).toEqual([])
    expect(await logOf(tooLate.id)).toEqual([])
  })

  it('cancels a reminder left pending when, by its turn, the client is revoked or the day has passed', async () => {
    const revokedSince = await addClient('2034-06-15')
    const passedSince = await addClient('2034-06-15')
    // A run that stops before sending anything leaves both pending.
    const stopped = await runReminders(database.db, options(ukMidnight('2034-06-08'), { shouldStop: () => true }))
    expect(stopped.reminders).toEqual([])
    expect((await logOf(revokedSince.id)).map((row) => row.status)).toEqual(['pending'])
    await database.db.update(apiClients).set({ revokedAt: ukMidnight('2034-06-08') }).where(eq(apiClients.id, revokedSince.id))
    // The next run comes two days later: too late for the other one.
    const report = await runReminders(database.db, options(ukMidnight('2034-06-10')))
    expect(report.reminders.map((reminder) => [reminder.clientId, reminder.status, reminder.outcome]).sort()).toEqual(
      [
        [revokedSince.id, 'cancelled', 'no longer applies: the client has been revoked'],
        [passedSince.id, 'cancelled', 'no longer applies: too long after it was due'],
      ].sort(),
    )
    expect(standIn.messages()).toEqual([])
  })

  it('tries again after a 500 and a 429, then records the one e-mail sent', async () => {
    const client = await addClient('2035-06-15')
    standIn.failNext([500, 429])
    const waits: number[] = []
    const report = await runReminders(database.db, options(ukMidnight('2035-06-08'), { sleep: async (ms) => void waits.push(ms) }))
    expect(report.reminders.map((reminder) => [reminder.status, reminder.attempts])).toEqual([['sent', 3]])
    expect(waits).toEqual([5, 5])
    expect(sentTo(client.id)).toHaveLength(1)
    expect((await logOf(client.id)).map((row) => [row.status, row.attempts])).toEqual([['sent', 3]])
  })

  it('records a permanent failure: a refusal at once, and failures that outlast the retries', async () => {
    const refused = await addClient('2036-06-15')
    standIn.failNext([400])
    let report = await runReminders(database.db, options(ukMidnight('2036-06-08')))
    expect(report.reminders.map((reminder) => [reminder.status, reminder.attempts])).toEqual([['failed', 1]])
    const [row] = await logOf(refused.id)
    expect(row).toMatchObject({ status: 'failed', attempts: 1, outcome: expect.stringMatching(/^Notify answered 400: BadRequestError: /) })

    const unlucky = await addClient('2036-07-15')
    standIn.failNext([500, 500, 500, 500])
    report = await runReminders(database.db, options(ukMidnight('2036-07-08')))
    expect(report.reminders.map((reminder) => [reminder.status, reminder.attempts, reminder.outcome])).toEqual([
      ['failed', 4, 'Notify answered 500: Exception: Internal server error'],
    ])
    // Failed is final: a later run sends neither, and neither is in the history.
    expect((await runReminders(database.db, options(ukMidnight('2036-07-08')))).reminders).toEqual([])
    expect(standIn.messages()).toEqual([])
    expect(await apiClientHistory(database.db, unlucky.id)).toEqual([])
  })

  it('is refused by Notify with a wrong key, as a permanent failure', async () => {
    const client = await addClient('2037-06-15')
    const wrongSecret = standInApiKey('tests', serviceId, '99999999-5566-4778-899a-abbccddeeff0')
    const report = await runReminders(database.db, options(ukMidnight('2037-06-08'), { send: sender(wrongSecret) }))
    expect(report.reminders.map((reminder) => [reminder.status, reminder.outcome])).toEqual([['failed', 'Notify answered 403: AuthError: Invalid token: API key not found']])
    expect(sentTo(client.id)).toEqual([])
  })

  it('never sends again a reminder a stopped runner left mid-send', async () => {
    const client = await addClient('2038-06-15')
    const start = ukMidnight('2038-06-08')
    await runReminders(database.db, options(start, { shouldStop: () => true }))
    await database.db.update(expiryReminders).set({ status: 'sending', claimedAt: start }).where(eq(expiryReminders.apiClientId, client.id))
    await runReminders(database.db, options(new Date(start.getTime() + sendingLeaseMs - 1)))
    expect((await logOf(client.id)).map((row) => row.status)).toEqual(['sending'])
    await runReminders(database.db, options(new Date(start.getTime() + sendingLeaseMs + 1)))
    expect((await logOf(client.id)).map((row) => [row.status, row.outcome])).toEqual([
      ['failed', 'interrupted: the runner stopped while sending, so it may have gone; not sent again'],
    ])
    expect(standIn.messages()).toEqual([])
  })

  it('reports what it would send in a dry run, and writes nothing', async () => {
    const client = await addClient('2039-06-15')
    const report = await runReminders(database.db, options(ukMidnight('2039-06-08'), { send: undefined }))
    expect(report.reminders).toEqual([
      expect.objectContaining({ clientId: client.id, kind: '7-days', status: 'would-send', recipient: { name: 'Anne Wilson', email: 'anne.wilson@education.gov.uk' } }),
    ])
    expect(await logOf(client.id)).toEqual([])
    expect(standIn.messages()).toEqual([])
  })

  it.skipIf(process.env.TEST_DATABASE_KIND !== 'postgres')('leaves the work to the runner that holds the lock, on another connection', async () => {
    const client = await addClient('2041-06-15')
    const other = await openDatabase({ url: database.kind === 'postgres' ? database.url : '', maxConnections: 1 })
    try {
      const now = ukMidnight('2041-06-08')
      let release: () => void = () => {}
      const released = new Promise<void>((resolve) => (release = resolve))
      let locked: () => void = () => {}
      const holding = new Promise<void>((resolve) => (locked = resolve))
      // Another instance's runner, mid-plan: it holds the transaction-scoped lock until it commits.
      const holder = other.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(7234002)`)
        locked()
        await released
      })
      await holding
      expect(await runReminders(database.db, options(now))).toEqual({ ran: false, reminders: [] })
      expect(await logOf(client.id)).toEqual([])
      release()
      await holder
      expect((await runReminders(database.db, options(now))).reminders.map((reminder) => reminder.status)).toEqual(['sent'])
    } finally {
      await other.close()
    }
  })

  it('sends one e-mail per reminder when two runners start at once', async () => {
    const clients = await Promise.all(Array.from({ length: 6 }, () => addClient('2040-06-15')))
    // On PostgreSQL the second runner has a connection of its own, as another instance would.
    let second: DatabaseConnection | undefined
    if (database.kind === 'postgres') second = await openDatabase({ url: database.url, maxConnections: 2 })
    try {
      const now = ukMidnight('2040-06-08')
      const reports = await Promise.all([runReminders(database.db, options(now)), runReminders((second ?? database).db, options(now))])
      const sent = reports.flatMap((report) => report.reminders).filter((reminder) => reminder.status === 'sent')
      expect(sent).toHaveLength(6)
      for (const client of clients) expect(sentTo(client.id), client.name).toHaveLength(1)
      const rows = await database.db.select().from(expiryReminders).where(eq(expiryReminders.dueOn, '2040-06-08'))
      expect(rows.map((row) => row.status)).toEqual(Array(6).fill('sent'))
    } finally {
      await second?.close()
    }
  })
})
