import 'server-only'
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { DatabaseConnection } from '@/db/client'
import { apiClients, users } from '@/db/schema'
import { LiveTokenSet, type LiveToken } from './live-token-set'

// A brand-new token waits at most this long (plus one query) to be found; a flood of made-up tokens costs
// each instance at most 1000 / reloadIntervalMs queries a second (docs/decisions/0015).
const reloadIntervalMs = 100

type Holder = { connection: DatabaseConnection; set: LiveTokenSet }

// On globalThis, so that every bundle of this module shares one set, and so one reload rate, per process.
const holder = globalThis as typeof globalThis & { __registerLiveTokens?: Holder }

/**
 * Every token of a client that is not deleted and whose creator is active: the ones the database would not
 * refuse for who holds them, and the revoked ones, marked, so that their refusals count against their
 * client's usage without a lookup (revocation is permanent, so a revoked mark is never stale).
 */
async function loadLiveTokens(connection: DatabaseConnection): Promise<LiveToken[]> {
  return connection.db
    .select({ hash: apiClients.tokenHash, clientId: apiClients.id, expiresOn: apiClients.expiresOn, revoked: sql<boolean>`${apiClients.revokedAt} is not null`.mapWith((value) => value === true || value === 't') })
    .from(apiClients)
    .innerJoin(users, eq(users.id, apiClients.createdById))
    .where(and(isNull(apiClients.deletedAt), eq(users.active, true), isNull(users.deletedAt)))
}

/** This process's set of live token hashes on this connection's database. */
export function liveTokens(connection: DatabaseConnection): LiveTokenSet {
  if (holder.__registerLiveTokens?.connection !== connection) {
    holder.__registerLiveTokens = { connection, set: new LiveTokenSet(() => loadLiveTokens(connection), reloadIntervalMs) }
  }
  return holder.__registerLiveTokens.set
}
