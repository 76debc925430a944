// Imported by the change listener only; kept apart so the listener stays about listening.
import { randomUUID } from 'node:crypto'

/** The payload prefix of a self-test notification: never an API client id, so no cache forgets anything for it. */
export const selfTestPrefix = 'listen-self-test:'

/** How long a self-test notification may take to come back before LISTEN counts as not working. */
export const selfTestWaitMs = 3_000

/**
 * Confirms that LISTEN really hears: a LISTEN through a transaction-pooling PgBouncer succeeds and then hears
 * nothing, because the session it ran on is lent to other clients. So a notification is sent the way real
 * changes are (through the ordinary pool) and must come back on the listening session.
 */
export class ListenSelfTest {
  readonly #waiting = new Map<string, () => void>()

  /** For the listener's notification handler: true when `payload` was a self-test (this process's or another's). */
  heard(payload: string): boolean {
    if (!payload.startsWith(selfTestPrefix)) return false
    this.#waiting.get(payload)?.()
    return true
  }

  /** Sends one self-test with `send` and resolves true if it comes back within `waitMs`. */
  async run(send: (payload: string) => Promise<unknown>, waitMs = selfTestWaitMs): Promise<boolean> {
    const payload = `${selfTestPrefix}${randomUUID()}`
    let timer: NodeJS.Timeout | undefined
    const arrived = new Promise<boolean>((done) => {
      this.#waiting.set(payload, () => done(true))
      timer = setTimeout(() => done(false), waitMs)
    })
    try {
      await send(payload)
      return await arrived
    } finally {
      clearTimeout(timer)
      this.#waiting.delete(payload)
    }
  }
}

/** The warning for a LISTEN that never heard its own notification: it names the setting that fixes it. */
export const unconfirmedListenWarning =
  'register API: LISTEN did not hear its own test notification, so token revocations from other instances would not reach this one; ' +
  'tokens are checked in the database until it does. Point DATABASE_DIRECT_URL at PostgreSQL itself (not a transaction-pooling PgBouncer or a read replica)'
