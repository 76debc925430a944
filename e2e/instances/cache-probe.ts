import { expect, type APIRequestContext } from '@playwright/test'
import { distinctAddress, getInfo, infoClientName } from '../api/api-requests'
import type { openRunDatabase } from './servers'

/**
 * Waits until every instance answers for `clientId`'s token from its cache: the client is renamed in the
 * database directly, with no notification (as no code path of the service would), and every instance
 * still reports an older name. Without this, a test of invalidation could pass with no cache at all.
 * Returns the name the client has now.
 */
export async function expectServedFromCache(
  request: APIRequestContext,
  sql: ReturnType<typeof openRunDatabase>,
  clientId: string,
  token: string,
  origins: string[],
): Promise<string> {
  const address = distinctAddress()
  let round = 0
  let name = ''
  await expect
    .poll(
      async () => {
        round += 1
        name = `Cache probe ${clientId.slice(0, 8)} ${round}`
        await sql`update api_clients set name = ${name} where id = ${clientId}`
        const seen = await Promise.all(origins.map(async (origin) => infoClientName(await getInfo(request, address, token, origin))))
        return seen.every((seenName) => seenName !== name)
      },
      { timeout: 20_000, message: 'every instance should serve this token from its cache' },
    )
    .toBe(true)
  return name
}

/** The id of a fixture client (scripts/e2e-fixtures.ts names them `E2E <key>`). */
export async function fixtureClientId(sql: ReturnType<typeof openRunDatabase>, key: string): Promise<string> {
  const [row] = await sql<Array<{ id: string }>>`select id from api_clients where name = ${`E2E ${key}`}`
  if (!row) throw new Error(`no fixture client ${key}`)
  return row.id
}
