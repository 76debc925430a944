// `npx tsx bench/secret-scanning.ts` (npm run bench:secret-scanning): what a leaked-token report costs, in this
// process. (1) Checking one signature (ECDSA P-256 over a 150-byte body), the median of 7 runs of 2,000. (2) Taking
// in a report of 1,000 and of 10,000 matches (the schema's most) on PostgreSQL (DATABASE_URL's server, default
// postgres://postgres@127.0.0.1:5432, in a database of its own that it drops): 10 working tokens among unknown
// well-formed ones, so nearly every match is hashed and looked up and 10 clients are revoked. See bench/README.md.
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import postgres from 'postgres'
import { openDatabase } from '../db/client'
import { migrateDatabase } from '../db/migrate'
import { users } from '../db/schema'
import { createApiClient } from '../lib/api-clients/commands'
import { takeInLeakReport } from '../lib/secret-scanning/intake'
import type { LeakedToken } from '../lib/secret-scanning/report'
import { isValidSignature, parsePublicKey } from '../lib/secret-scanning/signature'
import { generateToken } from '../lib/tokens/format'
import { newSigningKey, signReport } from '../test/github-signing'

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const log = (line: string) => console.info(line)
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN

function signatureCost(): number {
  const signer = newSigningKey()
  const key = parsePublicKey(signer.publicKeyPem)
  if (!key) throw new Error('no key')
  const body = Buffer.from(JSON.stringify([{ token: generateToken('test').plaintext, type: 'register_api_token', url: 'https://github.com/o/r/blob/1/a.txt', source: 'content' }]))
  const signature = Buffer.from(signReport(body.toString(), signer), 'base64')
  const runs: number[] = []
  for (let run = 0; run < 7; run += 1) {
    const start = performance.now()
    for (let index = 0; index < 2_000; index += 1) if (!isValidSignature(body, signature, key)) throw new Error('bad signature')
    runs.push(((performance.now() - start) * 1_000) / 2_000)
  }
  return median(runs)
}

async function intakeCosts(): Promise<Array<{ matches: number; ms: number; revoked: number }>> {
  const name = `rotp_scan_bench_${randomBytes(4).toString('hex')}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const connection = await openDatabase({ url: url.toString(), maxConnections: 5 })
  try {
    await migrateDatabase(connection)
    const { db } = connection
    const [row] = await db.insert(users).values({ firstName: 'Bench', lastName: 'Creator', email: 'bench@education.gov.uk', apiUser: true }).returning()
    if (!row) throw new Error('no user')
    const creator = { id: row.id, firstName: row.firstName, lastName: row.lastName, email: row.email, role: 'api-only' as const }
    const tokens = { pepper: randomBytes(32).toString('hex'), environment: 'test' as const }
    const results = []
    for (const size of [1_000, 10_000]) {
      const working: string[] = []
      for (let index = 0; index < 10; index += 1) {
        const created = await createApiClient(db, { name: `Bench ${size} ${index}`, expiresOn: '2099-12-31', creator, at: new Date(), tokens })
        if (created.outcome === 'created') working.push(created.token)
      }
      const matches: LeakedToken[] = Array.from({ length: size }, (_, index) => ({
        token: index < working.length ? (working[index] ?? '') : generateToken('test').plaintext,
        type: 'register_api_token',
        url: 'https://github.com/o/r/blob/1/a.txt',
        source: 'content',
      }))
      const start = performance.now()
      const result = await takeInLeakReport(db, matches, { pepper: tokens.pepper, now: new Date() })
      results.push({ matches: size, ms: performance.now() - start, revoked: result.revokedClientIds.length })
    }
    return results
  } finally {
    await connection.close()
    await admin.unsafe(`drop database if exists ${name} with (force)`)
    await admin.end({ timeout: 5 })
  }
}

log(`Signature check: ${signatureCost().toFixed(1)} µs each (median of 7 runs of 2,000)`)
for (const { matches, ms, revoked } of await intakeCosts()) {
  log(`Report of ${matches.toLocaleString('en-GB')} matches: ${ms.toFixed(0)} ms to hash, look up and answer them all and revoke ${revoked} clients`)
}
