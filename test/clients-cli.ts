import { users } from '@/db/schema'
import type { TestDatabase } from '@/test/database'
import { runClients } from '@/lib/api-clients/cli/run'

/** What one run of the command line printed and returned, for tests. */
export type CliRun = { code: number; out: string; err: string; json: () => unknown }

export const testTokens = { pepper: 'test-pepper-for-the-command-line-0123456789', environment: 'test' as const }

/** Runs `npm run clients -- <argv>` in-process against a test database at a fixed instant, capturing its output. */
export async function runCli(database: TestDatabase, at: Date, ...argv: string[]): Promise<CliRun> {
  let out = ''
  let err = ''
  const io = { out: (text: string) => void (out += text), err: (text: string) => void (err += text) }
  const code = await runClients(argv, { db: database.db, io, clock: () => at, tokens: testTokens })
  return { code, out, err, json: () => JSON.parse(out) as unknown }
}

/** Adds a user who can be a client's creator. */
export async function addTestUser(database: TestDatabase, email: string, options: { active?: boolean; apiUser?: boolean } = {}) {
  const [row] = await database.db
    .insert(users)
    .values({ firstName: 'Test', lastName: email.split('@')[0] ?? email, email, active: options.active ?? true, apiUser: options.apiUser ?? true })
    .returning()
  if (!row) throw new Error('no user inserted')
  return row
}
