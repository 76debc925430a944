// `npx tsx bench/compare-builds.ts <port A> <port B>`: two builds (.next-<A>, .next-<B>, e.g. before and after a
// change) started side by side on the same database (DATABASE_URL, as bench/api.ts leaves it) and measured
// in alternating rounds: health, info, a page of 100 and a 401, with Node CPU per request (bench/README.md).
import { randomBytes } from 'node:crypto'
import { loadavg } from 'node:os'
import postgres from 'postgres'
import { openDatabase } from '../db/client'
import { createApiClient } from '../lib/api-clients/commands'
import { addDays, ukDate } from '../lib/dates'
import { generateToken } from '../lib/tokens/format'
import { alternate, warmUp, type Case } from './measure'
import { benchServerEnvironment, startServer } from './server'

const [first, second] = process.argv.slice(2).map(Number)
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rotp_bench'
const seconds = Number(process.env.BENCH_SECONDS ?? 3)
const rounds = Number(process.env.BENCH_ROUNDS ?? 3)
const pepper = randomBytes(32).toString('hex')

async function token(): Promise<string> {
  const sql = postgres(databaseUrl, { max: 1 })
  const [creator] = await sql`select id, first_name, last_name, email from users where not api_user and active limit 1`
  await sql.end()
  if (!creator) throw new Error('no user: run bench/api.ts first')
  const connection = await openDatabase({ url: databaseUrl })
  try {
    const person = { id: String(creator.id), firstName: String(creator.first_name), lastName: String(creator.last_name), email: String(creator.email), role: 'general-access' as const }
    const now = new Date()
    const created = await createApiClient(connection.db, { name: `Compare ${now.toISOString()}`, expiresOn: addDays(ukDate(now), 30), creator: person, at: now, tokens: { pepper, environment: 'test' } })
    if (created.outcome !== 'created') throw new Error('no client')
    return created.token
  } finally {
    await connection.close()
  }
}

async function main(): Promise<void> {
  if (!first || !second) throw new Error('usage: bench/compare-builds.ts <port A> <port B>')
  const valid = { authorization: `Bearer ${await token()}` }
  const unknown = { authorization: `Bearer ${generateToken('test').plaintext}` }
  const servers = await Promise.all([first, second].map((port) => startServer(port, benchServerEnvironment(port, databaseUrl, pepper))))
  try {
    const cases: Case[] = servers.flatMap((server, index) => {
      const pid = server.child.pid ?? 0
      const label = `.next-${[first, second][index]}`
      return [
        { name: `${label} health`, url: `${server.origin}/api/health`, serverPid: pid, status: 200 },
        { name: `${label} info`, url: `${server.origin}/api/v1/info`, headers: valid, serverPid: pid, status: 200 },
        { name: `${label} 401`, url: `${server.origin}/api/v1/info`, headers: unknown, serverPid: pid, status: 401 },
        { name: `${label} page of 100`, url: `${server.origin}/api/v1/providers?per_page=100`, headers: valid, serverPid: pid, status: 200 },
      ]
    })
    await warmUp(cases)
    const rows = await alternate(cases, { connections: 10, seconds, rounds }, () => undefined)
    console.info(`load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}\n\n| case | req/s | Node CPU ms/req | unexpected |\n|---|---:|---:|---:|`)
    for (const row of rows) console.info(`| ${row.name} | ${Math.round(row.rps)} | ${row.nodeCpuMs.toFixed(2)} | ${row.unexpected} |`)
  } finally {
    await Promise.all(servers.map((server) => server.stop()))
  }
}

await main()
