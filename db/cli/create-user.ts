// `npm run users:create -- --first-name Anne --last-name Wilson --email anne.wilson@education.gov.uk [--api-user]`:
// migrates, then adds one user, in DATABASE_URL or the embedded database. This is how the first
// general-access user gets into an empty production database; they add everyone else in the service.
import { env, EnvError } from '../../lib/env'
import { createUserFromCommandLine, createUserUsage, parseCreateUserArgs } from '../../lib/users/command-line'
import { connectionSettings } from '../connection-settings'
import { openDatabase, type DatabaseConnection } from '../client'
import { migrateDatabase } from '../migrate'

async function main(): Promise<number> {
  const parsed = parseCreateUserArgs(process.argv.slice(2))
  if (!parsed.ok) {
    console.error(`${parsed.errors.join('\n')}\n${createUserUsage}`)
    return 2
  }
  const { PGLITE_DIR } = env()
  let connection: DatabaseConnection | undefined
  try {
    connection = await openDatabase({ ...connectionSettings(env()), pgliteDir: PGLITE_DIR })
    await migrateDatabase(connection)
    console.info(await createUserFromCommandLine(connection.db, parsed.details, new Date()))
    return 0
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
