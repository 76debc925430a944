import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { generateToken, hashToken } from '@/lib/tokens/format'
import { verifyTokenHash } from '@/lib/tokens/verify'
import { migrateDatabase, migrationsFolder } from './migrate'
import { apiClientTokens } from './schema'

// Migration 0006 moved tokens out of api_clients into api_client_tokens. A database made by 0000–0005, with
// clients and their tokens, must come through it with every token still verifying (docs/decisions/0018).
const pepper = 'upgrade-test-pepper-0123456789abcdef'
const now = new Date('2026-12-01T12:00:00Z')

let database: TestDatabase
let before: string

/** A copy of the migrations folder holding only the migrations before 0006. */
function migrationsBefore0006(): string {
  const folder = mkdtempSync(join(tmpdir(), 'rotp-migrations-'))
  cpSync(migrationsFolder, folder, { recursive: true })
  const journalPath = join(folder, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ idx: number }> }
  journal.entries = journal.entries.filter((entry) => entry.idx < 6)
  writeFileSync(journalPath, JSON.stringify(journal))
  return folder
}

beforeAll(async () => {
  database = await createTestDatabase({ migrated: false })
  before = migrationsBefore0006()
})
afterAll(async () => {
  await database?.close()
  rmSync(before, { recursive: true, force: true })
})

/** Rows of a raw query: postgres.js returns an array, PGlite an object holding one. */
async function rows<Row>(query: ReturnType<typeof sql>): Promise<Row[]> {
  const result: unknown = await database.db.execute(query)
  return Array.isArray(result) ? (result as Row[]) : (result as { rows: Row[] }).rows
}

type OldClient = { name: string; token: string; hint: string; revokedAt?: string; deletedAt?: string }

describe('upgrading to the token table (migration 0006)', () => {
  it('carries every client’s token over unchanged, so old tokens keep working and ended ones stay ended', async () => {
    await migrateDatabase(database, before)
    const [creator] = await rows<{ id: string }>(
      sql`insert into users (first_name, last_name, email) values ('Ada', 'Lovelace', 'ada@education.gov.uk') returning id`,
    )
    if (!creator) throw new Error('no user')
    const oldClient = (name: string, ended: Partial<OldClient> = {}): OldClient => {
      const { plaintext, hint } = generateToken('test')
      return { name, token: plaintext, hint, ...ended }
    }
    const working = [oldClient('Alpha'), oldClient('Beta'), oldClient('Gamma')]
    const revoked = oldClient('Revoked', { revokedAt: '2026-11-01T10:00:00Z' })
    const deleted = oldClient('Deleted', { deletedAt: '2026-11-02T10:00:00Z' })
    const clients = [...working, revoked, deleted]
    for (const client of clients) {
      await database.db.execute(sql`
        insert into api_clients (name, created_by_id, expires_on, token_hash, token_hint, revoked_at, deleted_at, created_at)
        values (${client.name}, ${creator.id}, '2027-03-31', ${hashToken(client.token, pepper)}, ${client.hint},
                ${client.revokedAt ?? null}, ${client.deletedAt ?? null}, '2026-10-01T09:00:00Z')`)
    }

    await migrateDatabase(database)

    const verify = (token: string, now: Date) => verifyTokenHash(database.db, hashToken(token, pepper), now)
    for (const client of working) {
      expect(await verify(client.token, now)).toMatchObject({ ok: true, client: { name: client.name, tokenStopsAt: null } })
    }
    expect(await verify(revoked.token, now)).toMatchObject({ ok: false, reason: 'revoked' })
    expect(await verify(deleted.token, now)).toMatchObject({ ok: false, reason: 'deleted' })

    const tokens = await database.db.select().from(apiClientTokens)
    expect(tokens).toHaveLength(5)
    expect(tokens.map((token) => token.tokenHint).sort()).toEqual(clients.map((client) => client.hint).sort())
    expect(tokens.every((token) => token.createdById === creator.id && token.createdAt.toISOString() === '2026-10-01T09:00:00.000Z')).toBe(true)
    const stops = tokens.map((token) => token.stopsAt?.toISOString() ?? null).sort()
    expect(stops).toEqual(['2026-11-01T10:00:00.000Z', '2026-11-02T10:00:00.000Z', null, null, null].sort())
    const columns = await rows<{ column_name: string }>(
      sql`select column_name from information_schema.columns where table_name = 'api_clients' and column_name like 'token%'`,
    )
    expect(columns).toEqual([])
  })
})
