// `npm run db:seed [-- --providers N]`: migrates, then adds the demo users, the academic years and (into an
// empty register) a deterministic set of providers, in DATABASE_URL or the embedded database.
import { parseArgs } from 'node:util'
import { env, EnvError } from '../../lib/env'
import { connectionSettings } from '../connection-settings'
import { openDatabase, type DatabaseConnection } from '../client'
import { migrateDatabase } from '../migrate'
import { checkProviderCount, defaultProviderCount, seedDatabase } from '../seed'

const usage = 'Usage: npm run db:seed -- [--providers N]   (N: a whole number from 0 to 46,656; default 1,500)'

/** A mistake on the command line: reported with the usage line and no stack trace. */
class UsageError extends Error {}

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** The provider count from the command line, like `--providers 40000` or `--providers=40,000`. */
function providerCountFrom(args: string[]): number {
  let value: string | undefined
  try {
    value = parseArgs({ args, options: { providers: { type: 'string' } }, strict: true, allowPositionals: false }).values.providers
  } catch (error) {
    throw new UsageError(messageOf(error))
  }
  if (value === undefined) return defaultProviderCount
  const text = value.replaceAll(/[,_]/g, '')
  if (!/^\d+$/.test(text)) throw new UsageError(`--providers must be a whole number of 0 or more, not "${value}"`)
  const count = Number(text)
  try {
    checkProviderCount(count)
  } catch (error) {
    throw new UsageError(`--providers ${value}: ${messageOf(error)}`)
  }
  return count
}

async function main(): Promise<void> {
  const started = performance.now()
  const count = providerCountFrom(process.argv.slice(2))
  const { DATABASE_URL, PGLITE_DIR } = env()
  const target = DATABASE_URL ? 'PostgreSQL' : `the embedded database in ${PGLITE_DIR}`
  let connection: DatabaseConnection | undefined
  try {
    connection = await openDatabase({ ...connectionSettings(env()), pgliteDir: PGLITE_DIR })
    await migrateDatabase(connection)
    const migrated = performance.now()
    console.info(`Seeding ${target}`)
    const summary = await seedDatabase(connection.db, { providers: count, log: (line) => console.info(line) })
    console.info(JSON.stringify(summary, null, 2))
    console.info(
      `Seeded in ${seconds(performance.now() - migrated)} (${seconds(performance.now() - started)} with opening and migrating the database).`,
    )
  } finally {
    await connection?.close()
  }
}

try {
  await main()
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n${usage}`)
  } else if (error instanceof EnvError) {
    console.error(error.message)
  } else {
    console.error(`The seed failed: ${messageOf(error)}`)
    console.error(error)
  }
  process.exitCode = 1
}
