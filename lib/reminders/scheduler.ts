import { getDb } from '@/db'
import { systemClock } from '@/lib/clock'
import { env, notifySettings, serviceAddress, type Env } from '@/lib/env'
import { onShutdown } from '@/lib/http/shutdown-tasks'
import { describeError, logger } from '@/lib/logger'
import { metrics } from '@/lib/metrics/registry'
import { notifyEmailSender } from './notify'
import { runReminders, type RunOptions } from './run'

type Scheduler = { timer?: NodeJS.Timeout; stopped: boolean; running?: Promise<void> }

// On globalThis so that however many bundles load this module, one process runs one scheduler.
const holder = globalThis as typeof globalThis & { __registerReminderScheduler?: Scheduler }

/** The first run waits a little after start-up, so it never competes with the first requests. */
const firstRunDelayMs = 5_000

/** What the scheduler runs each time: every instance may run it; the lock lets one work at a time. */
export function scheduledRunOptions(values: Env, stopped: () => boolean): RunOptions | undefined {
  const settings = notifySettings(values)
  if (!settings) return undefined
  return {
    clock: systemClock,
    send: notifyEmailSender(settings),
    templates: settings.templates,
    serviceAddress: serviceAddress(values),
    shouldStop: stopped,
  }
}

/**
 * Sends expiry reminders every EXPIRY_REMINDERS_INTERVAL_SECONDS (5 minutes by default) from inside the service.
 * Without NOTIFY_API_KEY it says once that reminders are off and does nothing. Its timers never keep the process
 * alive, and shutdown (SIGTERM or SIGINT) stops it between two e-mails (docs/decisions/0020-expiry-reminders.md).
 */
export function startReminderScheduler(values: Env = env()): void {
  if (holder.__registerReminderScheduler) return
  const scheduler: Scheduler = { stopped: false }
  holder.__registerReminderScheduler = scheduler
  const options = scheduledRunOptions(values, () => scheduler.stopped)
  if (!options) {
    logger.info('expiry reminders are off: NOTIFY_API_KEY is not set, so no e-mail is sent')
    return
  }
  const intervalMs = values.EXPIRY_REMINDERS_INTERVAL_SECONDS * 1_000
  const schedule = (delayMs: number) => {
    if (scheduler.stopped) return
    scheduler.timer = setTimeout(() => {
      scheduler.running = runOnce(options).finally(() => schedule(intervalMs))
    }, delayMs).unref()
  }
  // First of the shutdown's steps (lib/http/shutdown.ts): a run under way stops between two e-mails.
  onShutdown('stop', 'expiry reminders', async () => {
    scheduler.stopped = true
    clearTimeout(scheduler.timer)
    await scheduler.running
  })
  logger.info('expiry reminders on', { everySeconds: values.EXPIRY_REMINDERS_INTERVAL_SECONDS, notify: values.NOTIFY_BASE_URL ?? 'GOV.UK Notify' })
  schedule(Math.min(firstRunDelayMs, intervalMs))
}

async function runOnce(options: RunOptions): Promise<void> {
  try {
    const report = await runReminders(await getDb(), options)
    const { remindersSent, remindersFailed } = metrics()
    remindersSent.inc(report.reminders.filter((reminder) => reminder.status === 'sent').length)
    remindersFailed.inc(report.reminders.filter((reminder) => reminder.status === 'failed').length)
  } catch (error) {
    // The database or Notify may be away; the next run catches up what this one missed.
    logger.warn('expiry reminders: the run failed; the next one will catch up', describeError(error))
  }
}
