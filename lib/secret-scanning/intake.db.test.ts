import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClients, revisions, users } from '@/db/schema'
import { createApiClient, deleteApiClient, regenerateApiClientToken, revokeApiClient } from '@/lib/api-clients/commands'
import type { CurrentUser } from '@/lib/auth/roles'
import { apiClientHistory } from '@/lib/history/activity'
import { generateToken, hashToken } from '@/lib/tokens/format'
import { verifyTokenHash } from '@/lib/tokens/verify'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { takeInLeakReport } from './intake'
import type { LeakedToken } from './report'

let database: TestDatabase
let owner: CurrentUser
const tokens = { pepper: 'test-pepper-0123456789abcdef0123456789', environment: 'test' as const }
const at = new Date('2026-11-22T10:00:00Z')
const later = new Date('2026-11-22T11:00:00Z')
const url = 'https://github.com/octocat/Hello-World/blob/12345600b9cbe38a219f39a9941c9319b600c002/foo/bar.txt'

beforeAll(async () => {
  database = await createTestDatabase()
  const [row] = await database.db.insert(users).values({ firstName: 'Olu', lastName: 'Owner', email: 'owner@education.gov.uk', apiUser: true }).returning()
  if (!row) throw new Error('no user')
  owner = { id: row.id, firstName: row.firstName, lastName: row.lastName, email: row.email, role: 'api-only' }
})
afterAll(async () => {
  await database?.close()
})

async function create(name: string, expiresOn = '2027-06-30') {
  const result = await createApiClient(database.db, { name, expiresOn, creator: owner, at, tokens })
  if (result.outcome !== 'created') throw new Error(`could not create ${name}`)
  return result
}

const leak = (token: string, where = url): LeakedToken => ({ token, type: 'register_api_token', url: where, source: 'content' })
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** Takes a report in at `later`, recording which clients were passed on for an e-mail. */
async function report(matches: LeakedToken[]) {
  const noticed: string[] = []
  const result = await takeInLeakReport(database.db, matches, {
    pepper: tokens.pepper,
    now: later,
    afterRevoking: async ({ clientId }) => void noticed.push(clientId),
  })
  return { ...result, noticed }
}

const revisionCount = async (clientId: string) => (await database.db.select().from(revisions).where(eq(revisions.entityId, clientId))).length

describe('taking in a leaked-token report', () => {
  it('revokes the client of a working token at once, as the system, with where it was found', async () => {
    const { client, token } = await create('Leaky Ltd')
    const result = await report([leak(token)])

    expect(result.answers).toEqual([{ token_hash: sha256(token), token_type: 'register_api_token', label: 'true_positive' }])
    expect(result.revokedClientIds).toEqual([client.id])
    expect(result.noticed).toEqual([client.id])
    const [row] = await database.db.select().from(apiClients).where(eq(apiClients.id, client.id))
    expect(row).toMatchObject({ revokedAt: later, revokedById: null })
    expect(await verifyTokenHash(database.db, hashToken(token, tokens.pepper), later)).toMatchObject({ ok: false, reason: 'revoked' })
    const [newest] = await apiClientHistory(database.db, client.id)
    expect(newest).toMatchObject({ title: 'API client revoked', actorName: null, revokedReason: 'token-found-in-public', foundAtUrl: url })
    expect(JSON.stringify(await database.db.select().from(revisions).where(eq(revisions.entityId, client.id)))).not.toContain(token)
  })

  it('answers a token that is ours but no longer works, and changes nothing: revoked, expired, deleted or replaced', async () => {
    const revoked = await create('Revoked Ltd')
    await revokeApiClient(database.db, { id: revoked.client.id, actor: owner, at })
    const expired = await create('Expired Ltd', '2026-11-01')
    const deleted = await create('Deleted Ltd')
    await deleteApiClient(database.db, { id: deleted.client.id, actor: owner, at })
    const replaced = await create('Replaced Ltd')
    await regenerateApiClientToken(database.db, { id: replaced.client.id, actor: owner, at, overlap: 'immediately', tokens })
    const clients = [revoked, expired, deleted, replaced]
    const before = await Promise.all(clients.map(({ client }) => revisionCount(client.id)))

    const result = await report(clients.map(({ token }) => leak(token)))

    expect(result.answers.map((answer) => answer.label)).toEqual(['true_positive', 'true_positive', 'true_positive', 'true_positive'])
    expect(result.revokedClientIds).toEqual([])
    expect(result.noticed).toEqual([])
    expect(await Promise.all(clients.map(({ client }) => revisionCount(client.id)))).toEqual(before)
    const [replacedRow] = await database.db.select().from(apiClients).where(eq(apiClients.id, replaced.client.id))
    expect(replacedRow?.revokedAt).toBeNull()
  })

  it('answers strings that are not our tokens as false positives, looking up only well-formed ones', async () => {
    const unknown = generateToken('test').plaintext
    const otherEnvironment = generateToken('live').plaintext
    const badChecksum = `${unknown.slice(0, -1)}${unknown.endsWith('0') ? '1' : '0'}`
    const result = await report([leak(unknown), leak(otherEnvironment), leak(badChecksum), leak('rotp_test_short'), leak('')])
    expect(result.answers.map((answer) => answer.label)).toEqual(['false_positive', 'false_positive', 'false_positive', 'false_positive', 'false_positive'])
    expect(result.answers[0]?.token_hash).toBe(sha256(unknown))
    expect(result.revokedClientIds).toEqual([])
  })

  it('revokes once for a token reported twice, and for both tokens of a client in a regeneration’s overlap', async () => {
    const twice = await create('Twice Ltd')
    const overlapping = await create('Overlap Ltd')
    const fresh = await regenerateApiClientToken(database.db, { id: overlapping.client.id, actor: owner, at, overlap: '24-hours', tokens })
    if (fresh.outcome !== 'regenerated') throw new Error('not regenerated')
    const before = await revisionCount(twice.client.id)

    const result = await report([
      leak(twice.token, 'https://github.com/a/b/blob/1/first.txt'),
      leak(twice.token, 'https://github.com/a/b/blob/1/second.txt'),
      leak(overlapping.token),
      leak(fresh.token),
    ])

    expect(result.answers.map((answer) => answer.label)).toEqual(['true_positive', 'true_positive', 'true_positive', 'true_positive'])
    expect(result.revokedClientIds).toEqual([twice.client.id, overlapping.client.id])
    expect(await revisionCount(twice.client.id)).toBe(before + 1)
    const [newest] = await apiClientHistory(database.db, twice.client.id)
    expect(newest).toMatchObject({ foundAtUrl: 'https://github.com/a/b/blob/1/first.txt' })
    // The report's second sight of an already revoked client changes nothing either.
    const again = await report([leak(twice.token)])
    expect(again.revokedClientIds).toEqual([])
    expect(await revisionCount(twice.client.id)).toBe(before + 1)
  })

  it('records an empty address as GitHub sent it', async () => {
    const { client, token } = await create('Nowhere Ltd')
    await report([leak(token, '')])
    const [newest] = await apiClientHistory(database.db, client.id)
    expect(newest).toMatchObject({ revokedReason: 'token-found-in-public', foundAtUrl: '' })
  })
})
