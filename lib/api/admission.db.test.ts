import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { users } from '@/db/schema'
import { createApiClient, revokeApiClient } from '@/lib/api-clients/commands'
import type { CurrentUser } from '@/lib/auth/roles'
import { env } from '@/lib/env'
import { generateToken } from '@/lib/tokens/format'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { admitRequest, type Admission } from './admission'
import { databaseLookupCounts } from './authenticate'
import { cacheIsTrustworthy, stopListeningForClientChanges } from '@/lib/token-cache/change-listener'

// The flood runs this long, from one address: TRUST_PROXY is unset, so every caller shares one address bucket.
const floodMs = 1_500
const reloadIntervalMs = 100

let database: TestDatabase
let anne: CurrentUser
const tokens = () => ({ pepper: env().TOKEN_PEPPER, environment: 'test' as const })

async function newClientToken(name: string): Promise<{ id: string; token: string }> {
  const result = await createApiClient(database.db, { name, expiresOn: '2099-03-31', creator: anne, at: new Date(), tokens: tokens() })
  if (result.outcome !== 'created') throw new Error('not created')
  return { id: result.client.id, token: result.token }
}

const admit = (token?: string): Promise<Admission> =>
  admitRequest(new Request('http://register.test/api/v1/info', { headers: token === undefined ? {} : { Authorization: `Bearer ${token}` } }), new Date())

/** A token with a checksum that does not match: the last character changed. */
function badChecksum(): string {
  const token = generateToken('test').plaintext
  return token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a')
}

const junk = [() => undefined, () => 'not-a-token', badChecksum, () => generateToken('test').plaintext, () => generateToken('live').plaintext]

beforeAll(async () => {
  database = await createTestDatabase()
  // The service's own connection holder (db/index.ts), pointed at this file's database.
  const holder = globalThis as typeof globalThis & { __registerDatabase?: { connection?: Promise<TestDatabase> } }
  ;(holder.__registerDatabase ??= {}).connection = Promise.resolve(database)
  const [row] = await database.db.insert(users).values({ firstName: 'Anne', lastName: 'Wilson', email: 'anne@education.gov.uk' }).returning()
  if (!row) throw new Error('no user')
  anne = { id: row.id, firstName: row.firstName, lastName: row.lastName, email: row.email, role: 'general-access' }
})
afterAll(async () => {
  await stopListeningForClientChanges()
  await database?.close()
})

// First, while the one address bucket (no TRUST_PROXY) is far from full: the flood below fills it.
describe('refusals that name their client, so its usage can count them', () => {
  it('names a revoked client, and refuses its token from memory once the live set has it marked revoked', async () => {
    const { id, token } = await newClientToken('Revoked later')
    expect(await admit(token)).toMatchObject({ outcome: 'admitted' })
    await revokeApiClient(database.db, { id, actor: anne, at: new Date() })
    expect(await admit(token)).toMatchObject({ outcome: 'refused', reason: 'revoked', clientId: id })
    const before = await databaseLookupCounts()
    for (let repeat = 0; repeat < 3; repeat += 1) expect(await admit(token)).toMatchObject({ outcome: 'refused', reason: 'revoked', clientId: id })
    expect((await databaseLookupCounts()).tokenLookups).toBe(before.tokenLookups)
  })

  it('names an expired client, and names none for a token no client holds', async () => {
    const { id, token } = await newClientToken('Expires in 2099')
    const request = new Request('http://register.test/api/v1/info', { headers: { Authorization: `Bearer ${token}` } })
    expect(await admitRequest(request, new Date('2100-01-01T00:00:00Z'))).toMatchObject({ outcome: 'refused', reason: 'expired', clientId: id })
    const unknown = await admit(generateToken('test').plaintext)
    expect(unknown).toMatchObject({ outcome: 'refused', reason: 'unknown' })
    expect(unknown).not.toHaveProperty('clientId')
  })
})

describe(`a token no client holds (${process.env.TEST_DATABASE_KIND ?? 'pglite'})`, () => {
  it('is refused again without the database until a client changes; then it waits for a reload once more', async () => {
    const made = generateToken('test').plaintext
    expect(await admit(made)).toMatchObject({ outcome: 'refused', reason: 'unknown' })
    // The listener starts with the first lookup; until it hears changes, nothing is decided from memory.
    for (let waited = 0; !cacheIsTrustworthy() && waited < 5_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await admit(made)).toMatchObject({ outcome: 'refused', reason: 'unknown' })
    const before = await databaseLookupCounts()
    expect(await admit(made)).toMatchObject({ outcome: 'refused', reason: 'unknown' })
    expect(await admit(made)).toMatchObject({ outcome: 'refused', reason: 'unknown' })
    expect((await databaseLookupCounts()).liveSetLoads).toBe(before.liveSetLoads)
    // A new client cannot hold a hash already seen (tokens are random), so only a change to a client counts.
    const changed = await newClientToken('Revoked to change a client')
    await revokeApiClient(database.db, { id: changed.id, actor: anne, at: new Date() })
    expect(await admit(made)).toMatchObject({ outcome: 'refused', reason: 'unknown' })
    expect((await databaseLookupCounts()).liveSetLoads).toBeGreaterThan(before.liveSetLoads)
  })
})

describe(`admission under a flood (${process.env.TEST_DATABASE_KIND ?? 'pglite'})`, () => {
  it('never stops a new or a cached valid token from the flooding address, and sends the database a bounded number of queries', async () => {
    const cached = await newClientToken('Cached before the flood')
    expect(await admit(cached.token)).toMatchObject({ outcome: 'admitted' })
    const before = await databaseLookupCounts()
    const started = performance.now()
    const floodOutcomes: Admission['outcome'][] = []
    const validOutcomes: string[] = []

    const flood = async (worker: number) => {
      for (let sent = worker; performance.now() - started < floodMs; sent += 1) {
        floodOutcomes.push((await admit(junk[sent % junk.length]?.())).outcome)
      }
    }
    // A client made while the flood is on: its first request, and every one after, must be admitted.
    const newcomer = async () => {
      await new Promise((resolve) => setTimeout(resolve, floodMs / 3))
      const created = await newClientToken('Created during the flood')
      while (performance.now() - started < floodMs) {
        const [fresh, old] = await Promise.all([admit(created.token), admit(cached.token)])
        validOutcomes.push(`new ${fresh.outcome}`, `cached ${old.outcome}`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      // Revocation still stops the token on the very next request, flood or not.
      await revokeApiClient(database.db, { id: created.id, actor: anne, at: new Date() })
      // (A 429 rather than a 401 here, as the flood has filled the address bucket that refusals count in.)
      expect((await admit(created.token)).outcome).toBe('rate-limited')
    }
    await Promise.all([...Array.from({ length: 40 }, (_, worker) => flood(worker)), newcomer()])
    const elapsed = performance.now() - started
    const after = await databaseLookupCounts()

    expect(validOutcomes.length).toBeGreaterThan(10)
    expect(validOutcomes.filter((outcome) => !outcome.endsWith(' admitted'))).toEqual([])
    // The flood itself is refused (401, then 429 once the one address bucket is full), never admitted.
    expect(floodOutcomes.length).toBeGreaterThan(1_000)
    expect(new Set(floodOutcomes)).toEqual(new Set(['refused', 'rate-limited']))
    // The database saw at most one reload of the live set per interval (plus one under way at each end),
    // and a lookup only for the valid tokens: the new one until it was cached, and the revoked one once.
    expect(after.liveSetLoads - before.liveSetLoads).toBeLessThanOrEqual(Math.ceil(elapsed / reloadIntervalMs) + 2)
    expect(after.tokenLookups - before.tokenLookups).toBeLessThanOrEqual(validOutcomes.length / 4 + 2)
    console.info(
      `${floodOutcomes.length} flood requests and ${validOutcomes.length} valid ones in ${Math.round(elapsed)} ms:`,
      `${after.liveSetLoads - before.liveSetLoads} reloads of the live set, ${after.tokenLookups - before.tokenLookups} token lookups`,
    )
  })
})
