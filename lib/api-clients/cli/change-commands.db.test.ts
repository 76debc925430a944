import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { apiClients, revisions } from '@/db/schema'
import { apiClientHistory } from '@/lib/history/activity'
import { apiClientChangeChannel } from '@/lib/token-cache/client-changes'
import { hashToken } from '@/lib/tokens/format'
import { verifyTokenHash } from '@/lib/tokens/verify'
import { addTestUser, runCli, testTokens } from '@/test/clients-cli'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { exitCodes } from './output'

// create, revoke, delete and regenerate: each goes through lib/api-clients/commands.ts, so each is in the history
// as `System (command line)` and announced to every instance's token cache.
let database: TestDatabase
const at = new Date('2026-11-22T10:00:00Z')
const cli = (...argv: string[]) => runCli(database, at, ...argv)
const heard: string[] = []

type Created = { client: { id: string; name: string; status: string; tokenHint: string }; token: string }

async function create(name: string): Promise<Created> {
  const run = await cli('create', '--name', name, '--expires-on', '2027-03-31', '--creator', 'anne@education.gov.uk', '--format', 'json')
  expect(run).toMatchObject({ code: exitCodes.ok, err: '' })
  return run.json() as Created
}

const verify = (token: string, when = at) => verifyTokenHash(database.db, hashToken(token, testTokens.pepper), when)

beforeAll(async () => {
  database = await createTestDatabase()
  await addTestUser(database, 'anne@education.gov.uk')
  await addTestUser(database, 'gone@education.gov.uk', { active: false })
  const record = (payload: string) => void heard.push(payload)
  if (database.kind === 'pglite') await database.pglite.listen(apiClientChangeChannel, record)
  else await database.sql.listen(apiClientChangeChannel, record)
})
afterAll(async () => {
  await database?.close()
})

describe(`npm run clients -- create (${process.env.TEST_DATABASE_KIND ?? 'pglite'})`, () => {
  it('adds a client for the creator whose token works, printed once on stdout, recorded as System (command line)', async () => {
    const run = await cli('create', '--name', '  Payroll sync ', '--expires-on', '2027-03-31', '--creator', 'ANNE@education.gov.uk')
    expect(run).toMatchObject({ code: exitCodes.ok, err: '' })
    const token = /^(rotp_test_\S+)$/m.exec(run.out)?.[1] ?? ''
    expect(run.out).toContain('Token (shown only now: copy it, it cannot be shown again):\n')
    const verified = await verify(token)
    expect(verified).toMatchObject({ ok: true, client: { name: 'Payroll sync', expiresOn: '2027-03-31' } })
    const id = verified.ok ? verified.client.id : ''
    const [history] = await apiClientHistory(database.db, id)
    expect(history).toMatchObject({ title: 'API client added', actorName: 'System (command line)' })
    const [revision] = await database.db.select().from(revisions).where(eq(revisions.entityId, id))
    expect(revision).toMatchObject({ actorId: null, origin: 'command-line' })
    expect(JSON.stringify(revision)).not.toContain(token)
    const [row] = await database.db.select().from(apiClients).where(eq(apiClients.id, id))
    expect(row?.name).toBe('Payroll sync')
  })

  it('prints the token as a field of the JSON', async () => {
    const created = await create('JSON client')
    expect(created.client).toMatchObject({ name: 'JSON client', status: 'active' })
    expect(created.token.startsWith(`rotp_test_${created.client.tokenHint}`)).toBe(true)
    expect(await verify(created.token)).toMatchObject({ ok: true, client: { id: created.client.id } })
  })

  it('refuses what the Add API client form refuses, with its messages, and adds nothing', async () => {
    const before = await database.db.select().from(apiClients)
    const add = (name: string, date: string) => cli('create', '--name', name, '--expires-on', date, '--creator', 'anne@education.gov.uk')
    const cases: [string, string, string][] = [
      ['', '2027-03-31', 'Enter client name\n'],
      ['x'.repeat(201), '2027-03-31', 'Client name must be 200 characters or less\n'],
      ['Tab\there', '2027-03-31', 'Client name must only include letters, numbers, spaces and symbols\n'],
      ['Fine', '', 'Enter expiry date\n'],
      ['Fine', '27-03-31', 'Year must include 4 numbers\n'],
      ['Fine', '2027-02-30', 'Expiry date must be a real date\n'],
      ['Fine', 'next week', 'Expiry date must be a real date\n'],
      ['Fine', '2026-11-22', 'Expiry date must be between 23 November 2026 and 22 November 2027\n'],
      ['', '2028-01-01', 'Enter client name\nExpiry date must be between 23 November 2026 and 22 November 2027\n'],
    ]
    for (const [name, date, err] of cases) expect(await add(name, date)).toMatchObject({ code: exitCodes.validation, out: '', err })
    expect(await database.db.select().from(apiClients)).toEqual(before)
  })

  it('answers 5 for a name the creator’s clients have, 3 for an unknown creator, 4 for a deactivated one, 2 without one', async () => {
    await create('Taken')
    const add = (creator: string) => cli('create', '--name', 'TAKEN', '--expires-on', '2027-03-31', '--creator', creator)
    expect(await add('anne@education.gov.uk')).toMatchObject({ code: exitCodes.conflict, out: '', err: 'Client name must be unique\n' })
    expect(await add('who@education.gov.uk')).toMatchObject({ code: exitCodes.notFound, err: 'No user has the email address who@education.gov.uk\n' })
    expect(await add('gone@education.gov.uk')).toMatchObject({
      code: exitCodes.validation,
      err: 'gone@education.gov.uk is deactivated, so they cannot have a new API client\n',
    })
    expect((await cli('create', '--name', 'No creator', '--expires-on', '2027-03-31')).code).toBe(exitCodes.usage)
  })
})

describe('npm run clients -- revoke, delete and regenerate', () => {
  it('revoke stops the token, is announced, recorded as System (command line), and answers 5 the second time', async () => {
    const { client, token } = await create('To revoke')
    heard.splice(0)
    const run = await cli('revoke', client.id, '--format', 'json')
    expect(run).toMatchObject({ code: exitCodes.ok, err: '' })
    expect(run.json()).toMatchObject({ client: { id: client.id, status: 'revoked', revokedAt: at.toISOString() } })
    expect(await verify(token)).toEqual({ ok: false, reason: 'revoked', clientId: client.id })
    await vi.waitFor(() => expect(heard).toContain(client.id))
    expect((await apiClientHistory(database.db, client.id)).map((item) => [item.title, item.actorName])).toEqual([
      ['API client revoked', 'System (command line)'],
      ['API client added', 'System (command line)'],
    ])
    expect(await cli('revoke', client.id)).toMatchObject({ code: exitCodes.conflict, out: '', err: 'The API client is already revoked\n' })
    expect(await cli('regenerate', client.id, '--overlap', 'immediately')).toMatchObject({ code: exitCodes.conflict })
  })

  it('regenerate prints a new working token once and keeps the old one for the overlap asked for', async () => {
    const { client, token: old } = await create('To regenerate')
    heard.splice(0)
    const run = await cli('regenerate', client.id, '--overlap', '1-hour', '--format', 'json')
    expect(run).toMatchObject({ code: exitCodes.ok, err: '' })
    const { token, client: after } = run.json() as Created & { client: { previousTokenStopsAt: string } }
    expect(token).not.toBe(old)
    expect(after.previousTokenStopsAt).toBe('2026-11-22T11:00:00.000Z')
    expect(await verify(token)).toMatchObject({ ok: true })
    expect(await verify(old)).toMatchObject({ ok: true })
    expect(await verify(old, new Date('2026-11-22T11:00:00Z'))).toMatchObject({ ok: false, reason: 'replaced' })
    await vi.waitFor(() => expect(heard).toContain(client.id))
    const [latest] = await apiClientHistory(database.db, client.id)
    expect(latest).toMatchObject({ title: 'Token regenerated', actorName: 'System (command line)' })
    const text = await cli('regenerate', client.id, '--overlap', 'immediately')
    expect(text.out).toMatch(/^Token regenerated\n[\s\S]*\nrotp_test_\S+\n$/)
    expect(text.err).toBe('')
  })

  it('regenerate needs an overlap from the page’s choices', async () => {
    const { client } = await create('Overlap asked')
    expect(await cli('regenerate', client.id)).toMatchObject({ code: exitCodes.usage, out: '' })
    expect((await cli('regenerate', client.id, '--overlap', '2-days')).err).toContain("'2-days' is not one of them")
  })

  it('delete removes the client from lists and show, keeps its history, and answers 3 the second time', async () => {
    const { client, token } = await create('To delete')
    heard.splice(0)
    const run = await cli('delete', client.id)
    expect(run).toMatchObject({ code: exitCodes.ok, out: `API client deleted: To delete (${client.id})\n` })
    expect(await verify(token)).toMatchObject({ ok: false })
    await vi.waitFor(() => expect(heard).toContain(client.id))
    expect((await cli('list')).out).not.toContain(client.id)
    expect((await cli('show', client.id)).code).toBe(exitCodes.notFound)
    expect((await apiClientHistory(database.db, client.id))[0]).toMatchObject({ title: 'API client deleted', actorName: 'System (command line)' })
    expect(await cli('delete', client.id)).toMatchObject({ code: exitCodes.notFound, err: `No API client has the ID ${client.id}\n` })
  })

  it('history prints every change newest first, as text or JSON', async () => {
    const { client } = await create('With history')
    await cli('revoke', client.id)
    const json = (await cli('history', client.id, '--format', 'json')).json()
    expect(json).toMatchObject({
      client: { id: client.id, name: 'With history' },
      history: [
        { action: 'revoked', title: 'API client revoked', actor: 'System (command line)', at: at.toISOString(), reason: null, foundAtUrl: null },
        { action: 'added', title: 'API client added', actor: 'System (command line)', expiresOn: '2027-03-31', previousName: null },
      ],
    })
    const text = await cli('history', client.id)
    expect(text.out).toBe(
      [
        '22 November 2026 at 10:00am  API client revoked',
        '  By           System (command line)',
        '  Client name  With history',
        '  Expiry date  31 March 2027',
        '',
        '22 November 2026 at 10:00am  API client added',
        '  By           System (command line)',
        '  Client name  With history',
        '  Expiry date  31 March 2027',
        '',
      ].join('\n'),
    )
  })
})
