// Imported by lib/api-clients/commands.ts, which scripts run outside Next too: no 'server-only' here.
import { sql } from 'drizzle-orm'
import type { Transaction } from '@/db/client'
import { VerificationCache } from './verification-cache'

/** The PostgreSQL channel on which every instance hears that an API client changed. */
export const apiClientChangeChannel = 'api_client_changed'

/** The payload that means "every client may have changed" (e.g. a person was deactivated). */
export const everyApiClient = '*'

// 10,000 clients is far more than the register will have; at ~300 bytes an entry it is about 3 MB.
// Ten minutes bounds the harm of a bug in invalidation; correctness never waits for it.
const limits = { maxEntries: 10_000, maxAgeMs: 10 * 60_000 }

// On globalThis, so that route handlers and server actions share one cache even when Next bundles
// this module more than once.
const holder = globalThis as typeof globalThis & { __registerVerificationCache?: VerificationCache }

/** This process's cache of verified tokens. */
export function verificationCache(): VerificationCache {
  holder.__registerVerificationCache ??= new VerificationCache(limits)
  return holder.__registerVerificationCache
}

/**
 * Tells every instance that a client changed, from inside the transaction that changes it: PostgreSQL
 * delivers the notification only if and when the transaction commits. Pass `everyApiClient` when a
 * change touches many clients at once.
 */
export async function announceApiClientChange(tx: Transaction, clientId: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${apiClientChangeChannel}, ${clientId})`)
}

/**
 * Drops a client (or, with `everyApiClient`, every client) from this process's cache. Commands call it
 * straight after their transaction, so this instance is never stale even before its notification
 * arrives; the listener calls it for each notification.
 */
export function forgetApiClient(clientId: string): void {
  if (clientId === everyApiClient) verificationCache().clear()
  else verificationCache().forgetClient(clientId)
}
