import 'server-only'
import { and, eq, isNull } from 'drizzle-orm'
import type { DatabaseConnection } from '@/db/client'
import { apiClients, users } from '@/db/schema'
import { LiveTokenSet, type LiveToken } from './live-token-set'

// A brand-new token waits at most this long (plus one query) to be found; a flood of made-up tokens costs
// each instance at most 1000 / reloadIntervalMs queries a second (docs/decisions/0015).
const reloadIntervalMs = 100

type Holder = { connection: DatabaseConnection; set: LiveTokenSet }

// On globalThis, so that every bundle of this module shares one set, and so one reload rate, per process.
const holder = globalThis as typeof globalThis & { __registerLiveTokens?: Holder }

/** Every token the database would not refuse for who holds it: not revoked, not deleted, creator active. */
async function loadLiveTokens(connection: DatabaseConnection): Promise<LiveToken[]> {
  return connection.db
    .select({ hash: apiClients.tokenHash, expiresOn: apiClients.expiresOn })
    .from(apiClients)
    .innerJoin(users, eq(users.id, apiClients.createdById))
    .where(and(isNull(apiClients.revokedAt), isNull(apiClients.deletedAt), eq(users.active, true), isNull(users.deletedAt)))
}

/** This process's set of live token hashes on this connection's database. */
export function liveTokens(connection: DatabaseConnection): LiveTokenSet {
  if (holder.__registerLiveTokens?.connection !== connection) {
    holder.__registerLiveTokens = { connection, set: new LiveTokenSet(() => loadLiveTokens(connection), reloadIntervalMs) }
  }
  return holder.__registerLiveTokens.set
}
