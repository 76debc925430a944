import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { apiClients } from '@/db/schema'
import { createTestDatabase, insertApiClientWithToken, type TestDatabase } from '@/test/database'
import { addTestUser, runCli } from '@/test/clients-cli'
import { exitCodes } from './output'

// list, show and history, with --help and bad command lines, on PGlite and (with TEST_DATABASE_URL) PostgreSQL.
let database: TestDatabase
const at = new Date('2026-11-22T10:00:00Z')
const ids: Record<string, string> = {}
const cli = (...argv: string[]) => runCli(database, at, ...argv)
const idsListed = async (...filters: string[]) =>
  ((await cli('list', ...filters, '--format', 'json')).json() as { clients: { id: string }[] }).clients.map((client) => client.id)

beforeAll(async () => {
  database = await createTestDatabase()
  const anne = await addTestUser(database, 'anne@education.gov.uk')
  const bob = await addTestUser(database, 'bob@education.gov.uk')
  const add = (name: string, createdById: string, extra: Partial<typeof apiClients.$inferInsert> = {}) =>
    insertApiClientWithToken(database.db, { name, createdById, expiresOn: '2027-06-30', createdAt: at, ...extra }, { tokenHint: 'Wxyz' })
  ids.payroll = (await add('payroll sync', anne.id)).id
  ids.old = (await add('Archive', anne.id, { expiresOn: '2026-11-21' })).id
  ids.revoked = (await add('Bob’s revoked', bob.id, { revokedAt: at })).id
  ids.soon = (await add('Census', bob.id, { expiresOn: '2026-12-01', lastUsedAt: new Date('2026-11-20T09:30:00Z') })).id
  ids.deleted = (await add('Gone', bob.id, { deletedAt: at })).id
})
afterAll(async () => {
  await database?.close()
})

describe(`npm run clients -- list (${process.env.TEST_DATABASE_KIND ?? 'pglite'})`, () => {
  it('prints an aligned table of every client that is not deleted, by name ignoring case', async () => {
    const run = await cli('list')
    expect(run).toMatchObject({ code: exitCodes.ok, err: '' })
    expect(run.out.split('\n')).toEqual([
      'ID                                    Status        Expiry date       Creator                Client name',
      `${ids.old}  Expired       21 November 2026  anne@education.gov.uk  Archive`,
      `${ids.revoked}  Revoked       30 June 2027      bob@education.gov.uk   Bob’s revoked`,
      `${ids.soon}  Expires soon  1 December 2026   bob@education.gov.uk   Census`,
      `${ids.payroll}  Active        30 June 2027      anne@education.gov.uk  payroll sync`,
      '',
    ])
  })

  it('filters by creator (any case) and by status, and prints JSON with ISO dates', async () => {
    const run = await cli('list', '--creator', 'BOB@education.gov.uk', '--status', 'active', '--format', 'json')
    expect(run.code).toBe(exitCodes.ok)
    expect(run.json()).toEqual({
      clients: [
        {
          id: ids.soon,
          name: 'Census',
          status: 'active',
          expiresSoon: true,
          expiresOn: '2026-12-01',
          tokenHint: 'Wxyz',
          creator: { name: 'Test bob', email: 'bob@education.gov.uk' },
          createdAt: '2026-11-22T10:00:00.000Z',
          lastUsedAt: '2026-11-20T09:30:00.000Z',
          revokedAt: null,
        },
      ],
    })
    expect(await idsListed('--status', 'expired')).toEqual([ids.old])
    expect(await idsListed('--status', 'revoked')).toEqual([ids.revoked])
    expect(await idsListed('--creator', 'anne@education.gov.uk')).toEqual([ids.old, ids.payroll])
  })

  it('says so when nothing matches, and refuses an unknown creator or status', async () => {
    expect(await cli('list', '--creator', 'anne@education.gov.uk', '--status', 'revoked')).toMatchObject({ code: 0, out: 'No API clients.\n' })
    expect(await cli('list', '--creator', 'nobody@education.gov.uk')).toMatchObject({
      code: exitCodes.notFound,
      out: '',
      err: 'No user has the email address nobody@education.gov.uk\n',
    })
    expect(await cli('list', '--status', 'lapsed')).toMatchObject({
      code: exitCodes.usage,
      out: '',
      err: "--status must be active, expired or revoked, not 'lapsed'\n",
    })
  })
})

describe('npm run clients -- show', () => {
  it('prints one client as aligned fields, or as JSON', async () => {
    const text = await cli('show', ids.soon ?? '')
    expect(text.code).toBe(exitCodes.ok)
    expect(text.out).toBe(
      [
        `ID           ${ids.soon}`,
        'Client name  Census',
        'Status       Expires soon',
        'Expiry date  1 December 2026',
        'Token hint   Wxyz',
        'Created by   Test bob <bob@education.gov.uk>',
        'Date added   22 November 2026 at 10:00am',
        'Last used    20 November 2026 at 9:30am',
        '',
      ].join('\n'),
    )
    const json = await cli('show', ids.payroll ?? '', '--format', 'json')
    expect(json.json()).toMatchObject({ client: { id: ids.payroll, name: 'payroll sync', status: 'active', previousTokenStopsAt: null } })
  })

  it('answers 3 for an unknown id, a deleted client and a string that is not an id alike', async () => {
    for (const id of ['5f0c1a52-8a4b-4c3e-9d7e-2f1b3c4d5e6f', ids.deleted ?? '', 'drop table'])
      expect(await cli('show', id)).toMatchObject({ code: exitCodes.notFound, out: '', err: `No API client has the ID ${id}\n` })
  })
})

describe('help and bad command lines', () => {
  it('prints the tool’s help and each command’s on stdout with exit code 0', async () => {
    const tool = await cli('--help')
    expect(tool).toMatchObject({ code: 0, err: '' })
    expect(tool.out).toContain('Usage: npm run clients -- <command> [options]')
    expect(tool.out).toContain('5  conflict')
    for (const command of ['list', 'show', 'create', 'revoke', 'delete', 'regenerate', 'history']) {
      const help = await cli(command, '--help')
      expect(help).toMatchObject({ code: 0, err: '' })
      expect(help.out).toMatch(new RegExp(`^Usage: npm run clients -- ${command}`))
      expect(help.out).toContain('Exit codes:')
    }
  })

  it('answers 2, on stderr only, for no command, an unknown command, an unknown option, a bad format and a missing or extra ID', async () => {
    const cases: [string[], string][] = [
      [[], 'Usage: npm run clients -- <command>'],
      [['lsit'], "Unknown command 'lsit'"],
      [['list', '--colour'], "Unknown option '--colour'"],
      [['list', '--format', 'yaml'], "--format must be text or json, not 'yaml'"],
      [['list', '--format'], "Option '--format <value>' argument missing"],
      [['show'], "Give the API client's ID"],
      [['show', ids.payroll ?? '', 'extra'], "Unexpected argument 'extra'"],
    ]
    for (const [argv, message] of cases) {
      const run = await cli(...argv)
      expect({ argv, code: run.code, out: run.out }).toEqual({ argv, code: exitCodes.usage, out: '' })
      expect(run.err).toContain(message)
    }
  })
})
