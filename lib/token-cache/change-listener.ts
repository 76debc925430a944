import 'server-only'
import postgres from 'postgres'
import type { DatabaseConnection } from '@/db/client'
import { logger } from '@/lib/logger'
import { describeFailure } from '@/lib/api/failure-log'
import { apiClientChangeChannel, forgetApiClient, verificationCache } from './client-changes'
import { ListenSelfTest, unconfirmedListenWarning } from './listen-self-test'

// LISTEN is repeated this often as a heartbeat: when it answers, the session is alive and listening.
const heartbeatMs = 10_000
// Without an answer for this long (a silent network failure that TCP has not reported yet), the cache is
// not trusted: two heartbeats and some slack.
const leaseMs = 25_000
const retryMs = 1_000
// A LISTEN that hears nothing is retried every second; its warning is repeated only this often.
const warnEveryMs = 60_000

type ListenerState = { connection?: DatabaseConnection; up: boolean; confirmedAt: number; inProcess: boolean; stop?: () => Promise<void> }

const holder = globalThis as typeof globalThis & { __registerChangeListener?: ListenerState }
const state: ListenerState = (holder.__registerChangeListener ??= { up: false, confirmedAt: 0, inProcess: false })

/**
 * Whether cached verifications may be used now: only while this process is known to be hearing every
 * change. When it is not (database or network down, not started yet), every request goes to the
 * database, which then answers or fails with a 503: a revocation can never be missed.
 */
export function cacheIsTrustworthy(nowMs = Date.now()): boolean {
  return state.up && (state.inProcess || nowMs - state.confirmedAt < leaseMs)
}

/** Starts listening for API client changes on this connection's database, once per connection. */
export function listenForClientChanges(connection: DatabaseConnection): void {
  if (state.connection === connection) return
  void state.stop?.()
  state.connection = connection
  markDown('a new database connection')
  if (connection.kind === 'pglite') void listenInProcess(connection)
  else listenOnServer(connection)
}

/** Stops listening (tests, shutdown); the cache is not used again until listening restarts. */
export async function stopListeningForClientChanges(): Promise<void> {
  const stop = state.stop
  state.connection = undefined
  state.stop = undefined
  state.up = false
  verificationCache().clear()
  await stop?.()
}

function markUp(nowMs: number): void {
  // Notifications may have been missed before (re)connecting, or while the lease had lapsed.
  if (!cacheIsTrustworthy(nowMs)) {
    verificationCache().clear()
    logger.info('register API: listening for API client changes')
  }
  state.up = true
  state.confirmedAt = nowMs
}

function markDown(why: string): void {
  if (state.up) logger.warn('register API: not hearing API client changes; tokens are checked in the database', { why })
  state.up = false
  verificationCache().clear()
}

/** PGlite runs in this process, so its notifications cannot be lost: listening once is enough. */
async function listenInProcess(connection: DatabaseConnection & { kind: 'pglite' }): Promise<void> {
  try {
    const unlisten = await connection.pglite.listen(apiClientChangeChannel, forgetApiClient)
    state.stop = unlisten
    if (state.connection !== connection) return void (await unlisten())
    state.inProcess = true
    markUp(Date.now())
  } catch (error) {
    logger.error('register API: cannot listen for API client changes', describeFailure(error))
  }
}

/**
 * A dedicated postgres.js connection, not `sql.listen()`: that helper re-listens after a disconnect but
 * gives up silently if the database is still down at that moment, and does not say when it is down.
 * Here every close marks the listener down at once, and LISTEN is retried until it succeeds.
 */
function listenOnServer(connection: DatabaseConnection & { kind: 'postgres' }): void {
  const current = () => state.connection === connection
  const selfTest = new ListenSelfTest()
  const options = {
    max: 1,
    idle_timeout: 0,
    max_lifetime: null,
    connect_timeout: 5,
    fetch_types: false,
    onnotice: () => {},
    onclose: () => {
      if (!current()) return
      markDown('the listening connection closed')
      schedule(retryMs)
    },
    // postgres.js calls this for every notification on its connections (its own listen() uses it too).
    onnotify: (channel: string, payload: string) => {
      if (channel === apiClientChangeChannel && !selfTest.heard(payload)) forgetApiClient(payload)
    },
  }
  // LISTEN needs a session of its own: DATABASE_DIRECT_URL, which is DATABASE_URL unless a pooler is in between.
  const sql = postgres(connection.directUrl, options)
  let timer: NodeJS.Timeout | undefined
  let warnedAt = -Infinity
  state.inProcess = false
  state.stop = async () => {
    clearTimeout(timer)
    await sql.end({ timeout: 1 })
  }

  const schedule = (delayMs: number) => {
    clearTimeout(timer)
    timer = setTimeout(() => void subscribe(), delayMs).unref()
  }
  const subscribe = async () => {
    try {
      // Also the heartbeat: LISTEN is idempotent, and it makes a session that postgres.js reopened listen too.
      await sql.unsafe(`listen ${apiClientChangeChannel}`)
      // Once up, the heartbeat's LISTEN is enough; before, the session must be shown to hear.
      const hears = state.up || (await selfTest.run((payload) => connection.sql`select pg_notify(${apiClientChangeChannel}, ${payload})`))
      if (hears && current()) markUp(Date.now())
      if (!hears && current() && Date.now() - warnedAt >= warnEveryMs) {
        warnedAt = Date.now()
        logger.warn(unconfirmedListenWarning)
      }
    } catch (error) {
      if (current()) markDown(error instanceof Error ? error.message : 'LISTEN failed')
    }
    if (current()) schedule(state.up ? heartbeatMs : retryMs)
  }
  void subscribe()
}
