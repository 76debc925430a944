import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { addDays, ukDate } from '@/lib/dates'
import { apiClientChangeChannel } from '@/lib/token-cache/client-changes'
import { hashToken } from '@/lib/tokens/format'
import { verifyTokenHash } from '@/lib/tokens/verify'
import { addTestUser, testTokens } from '@/test/clients-cli'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { exitCodes } from './output'

// The real entry point, `tsx db/cli/clients.ts` (what `npm run clients` runs), as a child process: it finds the
// database from the environment as the service does, says which on stderr, and exits with the documented codes.
const kind = process.env.TEST_DATABASE_KIND ?? 'pglite'
let database: TestDatabase | undefined
let pgliteDir: string | undefined
const heard: string[] = []

type Exit = { code: number; stdout: string; stderr: string }

function clients(...argv: string[]): Promise<Exit> {
  const env: NodeJS.ProcessEnv = { ...process.env, TOKEN_PEPPER: testTokens.pepper, TOKEN_ENVIRONMENT: 'test', LOG_LEVEL: 'silent' }
  delete env.DATABASE_URL
  if (database?.kind === 'postgres') env.DATABASE_URL = database.url
  else env.PGLITE_DIR = pgliteDir
  return new Promise((resolve) => {
    execFile(join('node_modules', '.bin', 'tsx'), ['db/cli/clients.ts', ...argv], { env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    })
  })
}

beforeAll(async () => {
  if (kind === 'postgres') {
    database = await createTestDatabase()
    const record = (payload: string) => void heard.push(payload)
    if (database.kind === 'postgres') await database.sql.listen(apiClientChangeChannel, record)
  } else {
    pgliteDir = join(mkdtempSync(join(tmpdir(), 'rotp_cli_')), 'pglite')
  }
})
afterAll(async () => {
  await database?.close()
  if (pgliteDir) rmSync(join(pgliteDir, '..'), { recursive: true, force: true })
})

describe(`tsx db/cli/clients.ts as a child process (${kind})`, () => {
  it('answers a usage error with 2 before opening any database', async () => {
    const run = await clients('list', '--bogus')
    expect(run).toMatchObject({ code: exitCodes.usage, stdout: '' })
    expect(run.stderr).toContain("Unknown option '--bogus'")
    expect(run.stderr).not.toContain('Using')
  })

  const embedded = async () => {
    const list = await clients('list')
    expect(list).toMatchObject({ code: exitCodes.ok, stdout: 'No API clients.\n' })
    expect(list.stderr).toContain(`Using the embedded database in ${pgliteDir}`)
    const show = await clients('show', 'no-such-client')
    expect(show).toMatchObject({ code: exitCodes.notFound, stdout: '' })
    expect(show.stderr).toContain('No API client has the ID no-such-client')
  }

  const server = async () => {
    if (database?.kind !== 'postgres') throw new Error('needs PostgreSQL')
    await addTestUser(database, 'anne@education.gov.uk')
    const create = await clients(
      'create',
      '--name',
      'From a script',
      '--expires-on',
      addDays(ukDate(new Date()), 30),
      '--creator',
      'anne@education.gov.uk',
      '--format',
      'json',
    )
    const name = new URL(database.url).pathname.slice(1)
    expect(create.stderr).toBe(`Using PostgreSQL database ${name} on ${new URL(database.url).host} (DATABASE_URL)\n`)
    expect(create.code).toBe(exitCodes.ok)
    const { client, token } = JSON.parse(create.stdout) as { client: { id: string }; token: string }
    const hash = hashToken(token, testTokens.pepper)
    expect(await verifyTokenHash(database.db, hash, new Date())).toMatchObject({ ok: true, client: { id: client.id } })
    const revoke = await clients('revoke', client.id)
    expect(revoke).toMatchObject({ code: exitCodes.ok })
    expect(revoke.stdout).toMatch(/^API client revoked\n/)
    await vi.waitFor(() => expect(heard).toContain(client.id))
    expect(await verifyTokenHash(database.db, hash, new Date())).toMatchObject({ ok: false, reason: 'revoked' })
    expect(await clients('revoke', client.id)).toMatchObject({ code: exitCodes.conflict, stdout: '' })
  }

  // One database per run of this file, so each run proves the wiring for its own kind.
  if (kind === 'postgres') it('creates and revokes through DATABASE_URL, and another instance hears of the revocation', server, 120_000)
  else it('uses the embedded database folder when DATABASE_URL is not set, and says so', embedded, 120_000)
})
