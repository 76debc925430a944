import type postgres from 'postgres'
import { distinctAddress } from '../api/api-requests'
import { waitFor } from './processes'

type Sql = postgres.Sql

/** What /api/v1/info says for `token` through `origin`: its status, the instance that served it, the client name it reports. */
export async function info(origin: string, token: string): Promise<{ status: number; servedBy: string; name?: string }> {
  const response = await fetch(`${origin}/api/v1/info`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': distinctAddress() } })
  const servedBy = response.headers.get('x-served-by') ?? ''
  if (response.status !== 200) return { status: response.status, servedBy }
  const body = (await response.json()) as { client: { name: string } }
  return { status: 200, servedBy, name: body.client.name }
}

/** The id of a fixture client (scripts/e2e-fixtures.ts names them `E2E <key>`); look it up before renaming it. */
export async function fixtureClientId(sql: Sql, key: string): Promise<string> {
  const [row] = await sql<Array<{ id: string }>>`select id from api_clients where name = ${`E2E ${key}`}`
  if (!row) throw new Error(`no fixture client ${key}`)
  return row.id
}

/** Sends requests through `origin` until each of `names` has served one (round robin: a few rounds at most); returns the answers. */
export async function askEveryInstance(origin: string, token: string, names: string[]) {
  const answers: Awaited<ReturnType<typeof info>>[] = []
  for (let sent = 0; sent < names.length * 4 && !names.every((name) => answers.some((answer) => answer.servedBy === name)); sent += 1) {
    answers.push(await info(origin, token))
  }
  const missing = names.filter((name) => !answers.some((answer) => answer.servedBy === name))
  if (missing.length > 0) throw new Error(`${missing.join(', ')} served none of ${answers.length} requests`)
  return answers
}

/**
 * Waits until every instance answers for the client from its cache: the client is renamed in the database
 * directly, with no notification (as no path of the service would), and every instance still reports an older
 * name. Without this a test of invalidation could pass with no cache at all. Returns the latest name.
 */
export async function expectEveryInstanceCaches(sql: Sql, origin: string, clientId: string, token: string, names: string[]): Promise<string> {
  let name = ''
  let round = 0
  await waitFor(
    async () => {
      round += 1
      name = `Cluster probe ${clientId.slice(0, 8)} ${round}`
      await sql`update api_clients set name = ${name} where id = ${clientId}`
      const answers = await askEveryInstance(origin, token, names)
      return answers.every((answer) => answer.status === 200 && answer.name !== name)
    },
    `every instance (${names.join(', ')}) should serve this token from its cache`,
    30_000,
  )
  return name
}

/** True when `origin` reads the client from the database, not its cache: a silent rename shows at once. */
export async function bypassesCache(sql: Sql, origin: string, clientId: string, token: string): Promise<boolean> {
  const name = `Cluster bypass ${clientId.slice(0, 8)} ${Date.now()}`
  await sql`update api_clients set name = ${name} where id = ${clientId}`
  return (await info(origin, token)).name === name
}
