import { getConnection } from '@/db'
import { env, EnvError } from './env'

/**
 * Checks the environment (stopping with a message that names every missing or bad variable) and opens,
 * migrates and, when embedded, seeds the database, so the first request does not pay for it.
 */
export async function startServer(): Promise<void> {
  try {
    env()
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
  await getConnection()
}
