import { createServer, connect, type Server, type Socket } from 'node:net'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { openDatabase, type DatabaseConnection } from './client'

// A real PostgreSQL behind a TCP relay that can go silent (accept, forward nothing): a dead connection.
describe.runIf(process.env.TEST_DATABASE_KIND === 'postgres')('database deadlines on PostgreSQL', () => {
  let database: TestDatabase
  let relay: Server
  let silent = false
  const sockets = new Set<Socket>()
  let connection: DatabaseConnection

  beforeAll(async () => {
    database = await createTestDatabase()
    if (database.kind !== 'postgres') throw new Error('expected PostgreSQL')
    const target = new URL(database.url)
    relay = createServer((client) => {
      sockets.add(client)
      if (silent) return client.pause()
      const upstream = connect(Number(target.port || 5432), target.hostname)
      sockets.add(upstream)
      for (const socket of [client, upstream]) socket.on('error', () => [client, upstream].forEach((each) => each.destroy()))
      client.pipe(upstream).pipe(client)
    })
    await new Promise<void>((listening) => relay.listen(0, '127.0.0.1', listening))
    const address = relay.address()
    const url = new URL(database.url)
    url.hostname = '127.0.0.1'
    url.port = String(typeof address === 'object' && address ? address.port : 0)
    connection = await openDatabase({ url: url.toString(), maxConnections: 2, queryTimeoutMs: 500 })
  })
  afterAll(async () => {
    for (const socket of sockets) socket.destroy()
    await connection.close()
    relay.close()
    await database.close()
  })

  it('sets statement_timeout and idle_in_transaction_session_timeout on every connection', async () => {
    const rows = await connection.db.execute(
      sql`select current_setting('statement_timeout') as statement, current_setting('idle_in_transaction_session_timeout') as idle`,
    )
    expect([...(rows as unknown as Iterable<unknown>)]).toEqual([{ statement: '500ms', idle: '2500ms' }])
  })

  it('ends a slow query on the server with statement_timeout', async () => {
    await expect(connection.db.execute(sql`select pg_sleep(2)`)).rejects.toMatchObject({ cause: { code: '57014' } })
  })

  it('fails a query, and a transaction, that get no answer at all, within the deadline', async () => {
    await connection.db.execute(sql`select 1`)
    silent = true
    for (const socket of sockets) {
      socket.unpipe()
      socket.pause()
    }
    const started = Date.now()
    const outcomes = await Promise.allSettled([
      connection.db.execute(sql`select 1`),
      connection.db.execute(sql`select 2`),
      connection.db.transaction(async (tx) => tx.execute(sql`select 3`)),
    ])
    const took = Date.now() - started
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected')
      // Drizzle wraps a failed query's error; isDatabaseUnavailable (db/errors.ts) reads the causes too.
      const reason = outcome.status === 'rejected' ? (outcome.reason as { code?: string; cause?: { code?: string } }) : {}
      expect(reason.code ?? reason.cause?.code).toBe('ETIMEDOUT')
    }
    expect(took).toBeLessThan(6_000)
  })
})

describe('database deadlines', () => {
  it('apply only to PostgreSQL: PGlite belongs to this process and cannot go silent', async () => {
    const connection = await openDatabase({ pgliteDir: 'memory://', queryTimeoutMs: 500 })
    const result = (await connection.db.execute(sql`select 1 as one`)) as unknown as { rows: unknown[] }
    expect(result.rows).toEqual([{ one: 1 }])
    await connection.close()
  })
})
