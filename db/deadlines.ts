import type { Sql } from 'postgres'

/** How long a query, or the wait to start or commit a transaction, may take before it is given up on. */
export type Deadlines = { queryMs: number }

/** The error a query gets when the database did not answer in time: ETIMEDOUT, so the API answers 503. */
export function databaseTimeout(ms: number): Error {
  return Object.assign(new Error(`the database did not answer within ${ms} ms`), { code: 'ETIMEDOUT' })
}

/** `work`, or a databaseTimeout rejection once `ms` have passed; `onTimeout` runs if it comes to that. */
export function withinDeadline<T>(work: PromiseLike<T>, ms: number, onTimeout: () => void = () => {}): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout()
      reject(databaseTimeout(ms))
    }, ms)
  })
  return Promise.race([Promise.resolve(work), timeout]).finally(() => clearTimeout(timer))
}

type Pending = PromiseLike<unknown> & { values(): PromiseLike<unknown> }

type InFlight = { queries: number; transactions: number }
// On globalThis, so that every bundle's copy of this module counts into one place (read by /metrics).
const holder = globalThis as typeof globalThis & { __registerDatabaseInFlight?: InFlight }
const inFlight: InFlight = (holder.__registerDatabaseInFlight ??= { queries: 0, transactions: 0 })

/** Queries sent and not yet answered (inside transactions too), and transactions open: how busy the pool is. */
export function databaseWorkInFlight(): Readonly<InFlight> {
  return inFlight
}

function counted<T>(kind: keyof InFlight, work: () => Promise<T>): Promise<T> {
  inFlight[kind] += 1
  return work().finally(() => (inFlight[kind] -= 1))
}

/** A postgres.js query that starts when awaited, as postgres.js's own, but answers within the deadline. */
function boundedQuery(query: Pending, ms: number) {
  const run = () => counted('queries', () => withinDeadline(query, ms))
  return {
    values: () => counted('queries', () => withinDeadline(query.values(), ms)),
    then: <A, B>(fulfilled?: (value: unknown) => A | PromiseLike<A>, rejected?: (reason: unknown) => B | PromiseLike<B>) =>
      run().then(fulfilled, rejected),
    catch: <B>(rejected?: (reason: unknown) => B | PromiseLike<B>) => run().catch(rejected),
    finally: (done?: () => void) => run().finally(done),
  }
}

type TransactionStarter = (...args: unknown[]) => Promise<unknown>

/**
 * begin() or savepoint(): the wait for a connection and for BEGIN, and the COMMIT, each get the deadline;
 * queries inside get it through the wrapped client. A transaction given up on before it started is
 * refused if it starts later, so nothing is written after the caller was told the database was unavailable.
 */
function boundedTransaction(start: TransactionStarter, ms: number): TransactionStarter {
  return (...args: unknown[]) => counted('transactions', () => runBoundedTransaction(start, ms, args))
}

async function runBoundedTransaction(start: TransactionStarter, ms: number, args: unknown[]): Promise<unknown> {
  const callback = args.pop() as (client: Sql) => Promise<unknown>
  let abandoned = false
  let started: () => void = () => {}
  const begun = new Promise<void>((resolve) => {
    started = resolve
  })
  let finished: () => void = () => {}
  const callbackDone = new Promise<void>((resolve) => {
    finished = resolve
  })
  const transaction = start(...args, async (client: Sql) => {
    if (abandoned) throw databaseTimeout(ms)
    started()
    try {
      return await callback(withDeadlines(client, { queryMs: ms }))
    } finally {
      finished()
    }
  })
  // Until the callback starts, then after it ends (COMMIT or ROLLBACK), the transaction waits on the database.
  await withinDeadline(Promise.race([begun, transaction]), ms, () => {
    abandoned = true
  })
  await Promise.race([callbackDone, transaction])
  return withinDeadline(transaction, ms)
}

/**
 * The postgres.js client with a deadline on every query Drizzle sends (`unsafe`) and on transactions, so a
 * request waiting on a dead connection (a black-holed network, a server that stopped answering) gets an
 * error, and so a response, instead of waiting for TCP to notice. statement_timeout, set per connection,
 * ends slow queries on the server side first; this is for when the server cannot answer at all.
 */
export function withDeadlines(sql: Sql, deadlines: Deadlines): Sql {
  const ms = deadlines.queryMs
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === 'unsafe') return (...args: Parameters<Sql['unsafe']>) => boundedQuery(target.unsafe(...args) as unknown as Pending, ms)
      if (property === 'begin' || property === 'savepoint') {
        const start = Reflect.get(target, property, receiver) as TransactionStarter
        return boundedTransaction(start.bind(target), ms)
      }
      return Reflect.get(target, property, receiver)
    },
  })
}
