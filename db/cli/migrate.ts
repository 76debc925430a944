// `npm run db:migrate`: applies committed migrations to DATABASE_URL, or to the embedded database.
import { env } from '../../lib/env'
import { connectionSettings } from '../connection-settings'
import { openDatabase } from '../client'
import { migrateDatabase } from '../migrate'

const values = env()
const connection = await openDatabase({ ...connectionSettings(values), pgliteDir: values.PGLITE_DIR })
try {
  await migrateDatabase(connection)
  console.info(`Migrations applied to ${connection.kind === 'postgres' ? 'PostgreSQL' : `the embedded database in ${values.PGLITE_DIR}`}.`)
} finally {
  await connection.close()
}
