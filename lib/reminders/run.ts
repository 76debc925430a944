import { and, asc, between, eq, inArray, isNull, lt, sql } from 'drizzle-orm'
import type { Database, Transaction } from '@/db'
import { apiClients, expiryReminders, users, type ExpiryReminder, type ReminderKind, type ReminderStatus } from '@/db/schema'
import { apiClientSnapshot, newestTokenHint } from '@/lib/api-clients/commands'
import type { Clock } from '@/lib/clock'
import { formatDate, ukDate } from '@/lib/dates'
import { recordRevision } from '@/lib/history/revisions'
import { describeError, logger } from '@/lib/logger'
import { fullName } from '@/lib/users/names'
import { toNotifyFailure, type EmailSender, type NotifyFailure } from './notify'
import { expiryDatesWithReminders, reminderDueToday, withinWindow } from './schedule'
import { whatToDo } from './words'

export type ReminderTemplates = { expiresSoon: string; expired: string }

export type RunOptions = {
  clock: Clock
  /** Where e-mails go; without one the run is a dry run: it reports what it would send and writes nothing. */
  send?: EmailSender
  templates: ReminderTemplates
  /** The service's address, for the link to the client's page. */
  serviceAddress: string
  /** The waits between tries of one e-mail that failed for a reason that may pass; one more try than waits. */
  retryDelaysMs?: readonly number[]
  sleep?: (ms: number) => Promise<void>
  /** Asked between reminders: true stops the run there (the rest stay pending for the next run). */
  shouldStop?: () => boolean
}

export type ReminderReport = {
  reminderId?: string
  clientId: string
  clientName: string
  kind: ReminderKind
  expiresOn: string
  recipient?: { name: string; email: string }
  status: ReminderStatus | 'would-send'
  outcome?: string
  attempts: number
}

/** `ran` is false when another runner held the lock: it is doing the work. */
export type RunReport = { ran: boolean; reminders: ReminderReport[] }

// Any constant works; it only has to be the same for every instance and differ from the migrations' (db/migrate.ts).
const reminderLockKey = 7_234_002

/** About 1 s, 5 s and 30 s between tries: four tries over about 40 s, with requests of at most 10 s each. */
export const defaultRetryDelaysMs = [1_000, 5_000, 30_000] as const

/**
 * A row still `sending` this long after it was claimed belongs to a runner that stopped mid-send. It is not sent
 * again: Notify may have taken it, and a second e-mail is worse than a missing one (docs/decisions/0020).
 */
export const sendingLeaseMs = 10 * 60_000

const interrupted = 'interrupted: the runner stopped while sending, so it may have gone; not sent again'

const realSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms).unref())


type Candidate = {
  client: { id: string; name: string; expiresOn: string }
  creator: { id: string; firstName: string; lastName: string; email: string; active: boolean; deletedAt: Date | null }
}

/** Why nobody can be told: the creator is gone or cannot sign in any more. */
function noRecipientReason(creator: Candidate['creator']): string | undefined {
  if (creator.deletedAt) return 'no one to send it to: the creator has been deleted'
  if (!creator.active) return 'no one to send it to: the creator is inactive'
  return undefined
}

/** Active clients (not revoked, not deleted) with a reminder due today that the log does not have yet. */
async function newlyDue(db: Database | Transaction, today: string): Promise<Array<Candidate & { kind: ReminderKind; dueOn: string }>> {
  const { from, to } = expiryDatesWithReminders(today)
  const rows: Candidate[] = await db
    .select({
      client: { id: apiClients.id, name: apiClients.name, expiresOn: apiClients.expiresOn },
      creator: {
        id: users.id,
        firstName: users.firstName,
        lastName: users.lastName,
        email: users.email,
        active: users.active,
        deletedAt: users.deletedAt,
      },
    })
    .from(apiClients)
    .innerJoin(users, eq(users.id, apiClients.createdById))
    .where(and(isNull(apiClients.deletedAt), isNull(apiClients.revokedAt), between(apiClients.expiresOn, from, to)))
  const due = rows.flatMap((row) => {
    const reminder = reminderDueToday(row.client.expiresOn, today)
    return reminder ? [{ ...row, ...reminder }] : []
  })
  if (due.length === 0) return []
  const logged = await db
    .select({ apiClientId: expiryReminders.apiClientId, kind: expiryReminders.kind, expiresOn: expiryReminders.expiresOn })
    .from(expiryReminders)
    .where(
      inArray(
        expiryReminders.apiClientId,
        due.map((row) => row.client.id),
      ),
    )
  const seen = new Set(logged.map((row) => `${row.apiClientId} ${row.kind} ${row.expiresOn}`))
  return due.filter((row) => !seen.has(`${row.client.id} ${row.kind} ${row.client.expiresOn}`))
}

/**
 * Under the lock, in one short transaction: closes rows left `sending` by a runner that stopped, and logs the
 * reminders due now (`pending`, or `no-recipient`). The unique index would keep a second runner's rows out
 * anyway; the lock keeps runners from doing the same work at the same time. False if another runner has it.
 */
async function planReminders(db: Database, now: Date): Promise<{ locked: boolean; noRecipient: ReminderReport[] }> {
  return db.transaction(async (tx) => {
    const [lock] = await tx.select({ locked: sql<boolean>`pg_try_advisory_xact_lock(${reminderLockKey})` }).from(sql`(select 1) as one`)
    if (!lock?.locked) return { locked: false, noRecipient: [] }
    await tx
      .update(expiryReminders)
      .set({ status: 'failed', outcome: interrupted, updatedAt: now })
      .where(and(eq(expiryReminders.status, 'sending'), lt(expiryReminders.claimedAt, new Date(now.getTime() - sendingLeaseMs))))
    const due = await newlyDue(tx, ukDate(now))
    const noRecipient: ReminderReport[] = []
    if (due.length > 0) {
      const inserted = await tx
        .insert(expiryReminders)
        .values(
          due.map((row) => {
            const reason = noRecipientReason(row.creator)
            return {
              apiClientId: row.client.id,
              kind: row.kind,
              expiresOn: row.client.expiresOn,
              dueOn: row.dueOn,
              status: reason ? ('no-recipient' as const) : ('pending' as const),
              recipientId: reason ? null : row.creator.id,
              outcome: reason ?? null,
              createdAt: now,
              updatedAt: now,
            }
          }),
        )
        .onConflictDoNothing()
        .returning()
      for (const row of inserted) {
        if (row.status !== 'no-recipient') continue
        const client = due.find((candidate) => candidate.client.id === row.apiClientId)
        logger.warn('expiry reminder not sent: no one to send it to', { reminderId: row.id, clientId: row.apiClientId, kind: row.kind })
        noRecipient.push({ ...reportOf(row, client?.client.name ?? ''), status: 'no-recipient' })
      }
    }
    return { locked: true, noRecipient }
  })
}

function reportOf(row: ExpiryReminder, clientName: string): ReminderReport {
  return {
    reminderId: row.id,
    clientId: row.apiClientId,
    clientName,
    kind: row.kind,
    expiresOn: row.expiresOn,
    status: row.status,
    outcome: row.outcome ?? undefined,
    attempts: row.attempts,
  }
}

/** Takes the oldest pending reminder for this runner; a conditional update, so two runners never take the same one. */
async function claimNext(db: Database, now: Date): Promise<ExpiryReminder | undefined> {
  for (;;) {
    const [next] = await db
      .select({ id: expiryReminders.id })
      .from(expiryReminders)
      .where(eq(expiryReminders.status, 'pending'))
      .orderBy(asc(expiryReminders.dueOn), asc(expiryReminders.createdAt), asc(expiryReminders.id))
      .limit(1)
    if (!next) return undefined
    const [claimed] = await db
      .update(expiryReminders)
      .set({ status: 'sending', claimedAt: now, updatedAt: now })
      .where(and(eq(expiryReminders.id, next.id), eq(expiryReminders.status, 'pending')))
      .returning()
    if (claimed) return claimed
  }
}

async function finish(db: Database, id: string, now: Date, set: Partial<typeof expiryReminders.$inferInsert>): Promise<void> {
  await db
    .update(expiryReminders)
    .set({ ...set, updatedAt: now })
    .where(eq(expiryReminders.id, id))
}

/** Why a claimed reminder should no longer go, if it should not: the client changed, or its time passed. */
function noLongerApplies(reminder: ExpiryReminder, client: typeof apiClients.$inferSelect | undefined, today: string): string | undefined {
  if (!client || client.deletedAt) return 'no longer applies: the client has been deleted'
  if (client.revokedAt) return 'no longer applies: the client has been revoked'
  if (client.expiresOn !== reminder.expiresOn) return 'no longer applies: the client has another expiry date'
  if (!withinWindow(reminder.kind, reminder.dueOn, today)) return 'no longer applies: too long after it was due'
  return undefined
}

/** Sends one e-mail, trying again after each wait while the failure may pass. */
async function sendWithRetries(
  send: EmailSender,
  email: Parameters<EmailSender>[0],
  delays: readonly number[],
  sleep: (ms: number) => Promise<void>,
  reminderId: string,
): Promise<{ notificationId?: string; failure?: NotifyFailure; attempts: number }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const { notificationId } = await send(email)
      return { notificationId, attempts: attempt }
    } catch (error) {
      const failure = toNotifyFailure(error)
      const delay = delays[attempt - 1]
      if (!failure.retryable || delay === undefined) return { failure, attempts: attempt }
      logger.warn('expiry reminder: Notify failed; trying again', { reminderId, attempt, status: failure.status, delayMs: delay, detail: failure.message })
      await sleep(delay)
    }
  }
}

/** Sends one claimed reminder and records what became of it; a sent one also goes in the client's history. */
async function deliver(db: Database, reminder: ExpiryReminder, options: RunOptions & { send: EmailSender }): Promise<ReminderReport> {
  const now = options.clock()
  const [row] = await db
    .select({ client: apiClients, recipient: users })
    .from(apiClients)
    .leftJoin(users, eq(users.id, reminder.recipientId ?? sql`null`))
    .where(eq(apiClients.id, reminder.apiClientId))
  const clientName = row?.client.name ?? ''
  const reason = noLongerApplies(reminder, row?.client, ukDate(now))
  if (reason) {
    await finish(db, reminder.id, now, { status: 'cancelled', outcome: reason })
    return { ...reportOf(reminder, clientName), status: 'cancelled', outcome: reason }
  }
  const recipient = row?.recipient
  const gone = !recipient ? 'no one to send it to: the creator has been deleted' : noRecipientReason(recipient)
  if (!row || !recipient || gone) {
    const outcome = gone ?? 'no one to send it to'
    await finish(db, reminder.id, now, { status: 'no-recipient', recipientId: null, outcome })
    return { ...reportOf(reminder, clientName), status: 'no-recipient', outcome }
  }
  const { client } = row
  const template = reminder.kind === 'expired' ? 'expired' : 'expiresSoon'
  const email = {
    templateId: options.templates[template],
    emailAddress: recipient.email,
    reference: reminder.id,
    personalisation: {
      first_name: recipient.firstName,
      client_name: client.name,
      expiry_date: formatDate(client.expiresOn),
      client_url: `${options.serviceAddress}/api-clients/${client.id}`,
      what_to_do: whatToDo[template],
    },
  }
  const report = { ...reportOf(reminder, clientName), recipient: { name: fullName(recipient), email: recipient.email } }
  const result = await sendWithRetries(options.send, email, options.retryDelaysMs ?? defaultRetryDelaysMs, options.sleep ?? realSleep, reminder.id)
  const attempts = reminder.attempts + result.attempts
  const doneAt = options.clock()
  if (result.failure) {
    logger.error('expiry reminder not sent: Notify failed', { reminderId: reminder.id, clientId: client.id, kind: reminder.kind, attempts, detail: result.failure.message })
    await finish(db, reminder.id, doneAt, { status: 'failed', outcome: result.failure.message, attempts })
    return { ...report, status: 'failed', outcome: result.failure.message, attempts }
  }
  await db.transaction(async (tx) => {
    // Locked as every change to a client locks it, so its revision numbers stay in order.
    const [locked] = await tx.select().from(apiClients).where(eq(apiClients.id, client.id)).for('update')
    await tx
      .update(expiryReminders)
      .set({ status: 'sent', sentAt: doneAt, notificationId: result.notificationId ?? null, attempts, updatedAt: doneAt })
      .where(eq(expiryReminders.id, reminder.id))
    await recordRevision(tx, {
      entityType: 'api_client',
      entityId: client.id,
      action: 'reminded',
      actorId: null,
      at: doneAt,
      snapshot: { ...apiClientSnapshot(locked ?? client, await newestTokenHint(tx, client.id)), reminder: { kind: reminder.kind, recipientName: fullName(recipient) } },
    })
  })
  logger.info('expiry reminder sent', { reminderId: reminder.id, clientId: client.id, kind: reminder.kind, attempts })
  return { ...report, status: 'sent', attempts }
}

/** What a run would send now, without writing anything: `npm run reminders:send -- --dry-run`. */
async function dryRun(db: Database, options: RunOptions): Promise<RunReport> {
  const now = options.clock()
  const due = await newlyDue(db, ukDate(now))
  const pending = await db
    .select({ reminder: expiryReminders, clientName: apiClients.name })
    .from(expiryReminders)
    .innerJoin(apiClients, eq(apiClients.id, expiryReminders.apiClientId))
    .where(eq(expiryReminders.status, 'pending'))
  return {
    ran: true,
    reminders: [
      ...pending.map(({ reminder, clientName }) => ({ ...reportOf(reminder, clientName), status: 'would-send' as const })),
      ...due.map((row) => {
        const reason = noRecipientReason(row.creator)
        return {
          clientId: row.client.id,
          clientName: row.client.name,
          kind: row.kind,
          expiresOn: row.client.expiresOn,
          recipient: reason ? undefined : { name: fullName(row.creator), email: row.creator.email },
          status: reason ? ('no-recipient' as const) : ('would-send' as const),
          outcome: reason,
          attempts: 0,
        }
      }),
    ],
  }
}

/**
 * One run: logs the reminders due now, then sends every pending one, one at a time. Cheap when nothing is
 * due: one short transaction and two small queries. Safe to start on every instance at once
 * (docs/decisions/0020-expiry-reminders.md).
 */
export async function runReminders(db: Database, options: RunOptions): Promise<RunReport> {
  if (!options.send) return dryRun(db, options)
  const send = options.send
  const plan = await planReminders(db, options.clock())
  if (!plan.locked) return { ran: false, reminders: [] }
  const reminders = [...plan.noRecipient]
  while (!options.shouldStop?.()) {
    const reminder = await claimNext(db, options.clock())
    if (!reminder) break
    try {
      reminders.push(await deliver(db, reminder, { ...options, send }))
    } catch (error) {
      // A database failure mid-way: the row stays `sending` and the lease closes it, never sending it twice.
      logger.error('expiry reminder: could not finish', { reminderId: reminder.id, ...describeError(error) })
      throw error
    }
  }
  return { ran: true, reminders }
}
