// `npm run db:migrate`: applies committed migrations to DATABASE_URL, or to the embedded database.
import { env } from '../../lib/env'
import { openDatabase } from '../client'
import { migrateDatabase } from '../migrate'

const { DATABASE_URL, PGLITE_DIR } = env()
const connection = await openDatabase({ url: DATABASE_URL, pgliteDir: PGLITE_DIR })
try {
  await migrateDatabase(connection)
  console.info(`Migrations applied to ${connection.kind === 'postgres' ? 'PostgreSQL' : `the embedded database in ${PGLITE_DIR}`}.`)
} finally {
  await connection.close()
}
