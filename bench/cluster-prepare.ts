import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import postgres from 'postgres'

type Figures = { queries: number; preparedUs: number; unnamedUs: number; changePercent: number }

/** Runs the token lookup's shape `queries` times on one connection, in turn; resolves with the mean time a query. */
async function meanMicroseconds(sql: postgres.Sql, queries: number): Promise<number> {
  const started = performance.now()
  for (let index = 0; index < queries; index += 1) {
    const hash = randomBytes(32).toString('base64url')
    await sql`select c.id, c.name from api_client_tokens t join api_clients c on c.id = t.client_id where t.token_hash = ${hash}`
  }
  return ((performance.now() - started) * 1000) / queries
}

/**
 * What prepare:false costs where it is not needed: the same lookup on PostgreSQL itself, with postgres.js's
 * named prepared statements and with unnamed ones (parsed and planned every time). Rounds alternate, so that
 * the machine's other load falls on both alike.
 */
export async function measurePrepareCost(directUrl: string, queries: number): Promise<Figures> {
  const prepared = postgres(directUrl, { max: 1, prepare: true, onnotice: () => {} })
  const unnamed = postgres(directUrl, { max: 1, prepare: false, onnotice: () => {} })
  const rounds = 5
  const totals = { prepared: 0, unnamed: 0 }
  try {
    await meanMicroseconds(prepared, 200)
    await meanMicroseconds(unnamed, 200)
    for (let round = 0; round < rounds; round += 1) {
      totals.prepared += await meanMicroseconds(prepared, queries / rounds)
      totals.unnamed += await meanMicroseconds(unnamed, queries / rounds)
    }
  } finally {
    await prepared.end()
    await unnamed.end()
  }
  const preparedUs = totals.prepared / rounds
  const unnamedUs = totals.unnamed / rounds
  return { queries, preparedUs, unnamedUs, changePercent: ((unnamedUs - preparedUs) / preparedUs) * 100 }
}
