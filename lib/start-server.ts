import { getConnection } from '@/db'
import { applyNextAuthUrlDefault, env, EnvError } from './env'
import { installGracefulShutdown } from './http/shutdown'
import { startReminderScheduler } from './reminders/scheduler'

/**
 * Checks the environment (stopping with a message that names every missing or bad variable) and opens,
 * migrates and, when embedded, seeds the database, so the first request does not pay for it. Under
 * `next dev` it then prints where the app is and whom to sign in as. Then it starts sending expiry reminders
 * (or says once that they are off). SIGTERM and SIGINT then stop it in order (lib/http/shutdown.ts).
 */
export async function startServer(): Promise<void> {
  try {
    applyNextAuthUrlDefault(env())
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
  // Before the database: a stop signal during a slow start-up still drains and exits in order.
  installGracefulShutdown()
  const connection = await getConnection()
  const { NODE_ENV, NEXTAUTH_URL, CREDENTIALS_SIGN_IN_ENABLED } = env()
  if (NODE_ENV === 'development' && NEXTAUTH_URL !== undefined) {
    const { readyMessage } = await import('@/db/seed/first-start')
    // A plain line for the person at the terminal, after Next's own banner and the seed's log lines.
    console.info(await readyMessage(connection.db, NEXTAUTH_URL, CREDENTIALS_SIGN_IN_ENABLED))
  }
  startReminderScheduler()
}
