// Writes the seeded users' ids for the journeys (e2e/support/sessions.ts), which need them to hold a
// session for someone who has since been deactivated. Runs after the seed, before the server opens the database.
import { writeFileSync } from 'node:fs'
import { openDatabase } from '../db/client'
import { users } from '../db/schema'

const [file] = process.argv.slice(2)
if (!file) throw new Error('usage: tsx scripts/e2e-fixtures.ts <output.json>')
const connection = await openDatabase({ url: process.env.DATABASE_URL, pgliteDir: process.env.PGLITE_DIR })
try {
  const rows = await connection.db.select({ id: users.id, email: users.email }).from(users)
  writeFileSync(file, JSON.stringify(Object.fromEntries(rows.map((row) => [row.email, row.id])), null, 2))
} finally {
  await connection.close()
}
