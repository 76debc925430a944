// `npm run clients -- <command>`: the operator's command line for API clients (lib/api-clients/cli/, README:
// Command line for API clients). It migrates, then runs one command in DATABASE_URL or the embedded database,
// saying on stderr which one, so an operator never changes the wrong database without being told.
import { tokenSettings } from '../../lib/api-clients/token-settings'
import { prepareClients } from '../../lib/api-clients/cli/run'
import { describeDatabase } from '../../lib/api-clients/cli/database'
import { exitCodes } from '../../lib/api-clients/cli/output'
import { env, EnvError } from '../../lib/env'
import { openDatabase, type DatabaseConnection } from '../client'
import { migrateDatabase } from '../migrate'

const io = { out: (text: string) => void process.stdout.write(text), err: (text: string) => void process.stderr.write(text) }

async function main(argv: string[]): Promise<number> {
  // Help and usage errors need no database, so they work before anything is configured.
  const prepared = prepareClients(argv, io)
  if ('done' in prepared) return prepared.done
  const values = env()
  io.err(`${describeDatabase({ url: values.DATABASE_URL, pgliteDir: values.PGLITE_DIR })}\n`)
  let connection: DatabaseConnection | undefined
  try {
    connection = await openDatabase({ url: values.DATABASE_URL, pgliteDir: values.PGLITE_DIR, maxConnections: 2 })
    await migrateDatabase(connection)
    return await prepared.run({ db: connection.db, io, clock: () => new Date(), tokens: tokenSettings() })
  } finally {
    await connection?.close()
  }
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  // The message only: a stack trace helps nobody at a terminal, and no token is ever in an error.
  console.error(error instanceof EnvError || error instanceof Error ? error.message : String(error))
  process.exitCode = exitCodes.unexpected
}
