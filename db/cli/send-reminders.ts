// `npm run reminders:send [-- --dry-run]`: one run of the expiry reminders, as the service's scheduler does
// every few minutes (lib/reminders/scheduler.ts), in DATABASE_URL or the embedded database. It prints each
// reminder it sent, recorded or, with --dry-run, would send; a dry run writes nothing and needs no Notify key.
import { env, EnvError, notifySettings, serviceAddress } from '../../lib/env'
import { formatDate } from '../../lib/dates'
import { notifyEmailSender } from '../../lib/reminders/notify'
import { runReminders, type ReminderReport } from '../../lib/reminders/run'
import { connectionSettings } from '../connection-settings'
import { openDatabase, type DatabaseConnection } from '../client'
import { migrateDatabase } from '../migrate'

const usage = 'usage: npm run reminders:send [-- --dry-run]'

const kindNames: Record<ReminderReport['kind'], string> = {
  '30-days': '30 days before expiry',
  '7-days': '7 days before expiry',
  '1-day': '1 day before expiry',
  expired: 'expired',
}

const verbs: Record<ReminderReport['status'], string> = {
  'would-send': 'would send',
  sent: 'sent',
  pending: 'pending',
  sending: 'sending',
  'no-recipient': 'not sent',
  cancelled: 'cancelled',
  failed: 'failed',
}

/** One line per reminder: what happened, which client, which reminder, to whom, and why not when it did not go. */
export function describeReport(report: ReminderReport): string {
  const to = report.recipient ? ` to ${report.recipient.name} <${report.recipient.email}>` : ''
  const why = report.outcome ? ` (${report.outcome})` : ''
  return `${verbs[report.status]}: "${report.clientName}" ${kindNames[report.kind]}, expiry date ${formatDate(report.expiresOn)}${to}${why}`
}

async function main(): Promise<number> {
  const args = process.argv.slice(2)
  const unknown = args.filter((arg) => arg !== '--dry-run')
  if (unknown.length > 0) {
    console.error(`unknown option ${unknown.join(' ')}\n${usage}`)
    return 2
  }
  const dryRun = args.includes('--dry-run')
  const values = env()
  const settings = notifySettings(values)
  if (!dryRun && !settings) {
    console.error('NOTIFY_API_KEY is not set, so no reminder can be sent. Set it (README: Expiry reminders), or add --dry-run.')
    return 1
  }
  let connection: DatabaseConnection | undefined
  try {
    connection = await openDatabase({ ...connectionSettings(values), pgliteDir: values.PGLITE_DIR })
    await migrateDatabase(connection)
    const report = await runReminders(connection.db, {
      clock: () => new Date(),
      send: dryRun || !settings ? undefined : notifyEmailSender(settings),
      templates: settings?.templates ?? { expiresSoon: '', expired: '' },
      serviceAddress: serviceAddress(values),
    })
    if (!report.ran) {
      console.info('Another instance is sending reminders now; nothing done.')
      return 0
    }
    for (const reminder of report.reminders) console.info(describeReport(reminder))
    if (report.reminders.length === 0) console.info(dryRun ? 'No reminder is due.' : 'No reminder was due.')
    return report.reminders.some((reminder) => reminder.status === 'failed') ? 1 : 0
  } finally {
    await connection?.close()
  }
}

try {
  process.exitCode = await main()
} catch (error) {
  console.error(error instanceof EnvError || error instanceof Error ? error.message : String(error))
  process.exitCode = 1
}
