import 'server-only'
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm'
import type { DatabaseConnection } from '@/db/client'
import { apiClients, apiClientTokens, users } from '@/db/schema'
import { LiveTokenSet, type LiveToken } from './live-token-set'

// A brand-new token waits at most this long (plus one query) to be found; a flood of made-up tokens costs
// each instance at most 1000 / reloadIntervalMs queries a second (docs/decisions/0015).
const reloadIntervalMs = 100

type Holder = { connection: DatabaseConnection; set: LiveTokenSet }

// On globalThis, so that every bundle of this module shares one set, and so one reload rate, per process.
const holder = globalThis as typeof globalThis & { __registerLiveTokens?: Holder }

/**
 * Every token the database would not refuse for who holds it: client not revoked or deleted, creator
 * active, and not stopped yet (one whose overlap ends later is in, with that instant, and refused from it).
 */
async function loadLiveTokens(connection: DatabaseConnection): Promise<LiveToken[]> {
  const rows = await connection.db
    .select({ hash: apiClientTokens.tokenHash, clientId: apiClients.id, expiresOn: apiClients.expiresOn, stopsAt: apiClientTokens.stopsAt })
    .from(apiClientTokens)
    .innerJoin(apiClients, eq(apiClients.id, apiClientTokens.clientId))
    .innerJoin(users, eq(users.id, apiClients.createdById))
    .where(
      and(
        isNull(apiClients.revokedAt),
        isNull(apiClients.deletedAt),
        eq(users.active, true),
        isNull(users.deletedAt),
        or(isNull(apiClientTokens.stopsAt), gt(apiClientTokens.stopsAt, sql`now()`)),
      ),
    )
  return rows.map((row) => ({ ...row, stopsAt: row.stopsAt?.toISOString() ?? null }))
}

/** This process's set of live token hashes on this connection's database. */
export function liveTokens(connection: DatabaseConnection): LiveTokenSet {
  if (holder.__registerLiveTokens?.connection !== connection) {
    holder.__registerLiveTokens = { connection, set: new LiveTokenSet(() => loadLiveTokens(connection), reloadIntervalMs) }
  }
  return holder.__registerLiveTokens.set
}
