import { and, desc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Database } from '@/db'
import { apiClients, apiClientTokens, revisions, users } from '@/db/schema'
import type { CurrentUser } from '@/lib/auth/roles'
import { isUuid } from '@/lib/ids'
import { shownName } from '@/lib/users/names'
import { clientNameNotUniqueMessage, validateClientName, type ClientNameResult } from './client-name'
import { visibleApiClients } from './access'
import { commandLineActorName } from './actor'
import { apiClientStatus, apiClientTag, type ApiClientStatus, type ApiClientTag } from './status'

export type ApiClientDetails = {
  id: string
  name: string
  expiresOn: string
  status: ApiClientStatus
  /** The tag shown beside the name: the status, or `Expires soon`. */
  tag: ApiClientTag
  createdAt: Date
  /** Names are unique per creator, so renaming checks against the creator's clients, not the renamer's. */
  createdById: string
  creatorName: string
  lastUsedAt: Date | null
  /** Canonical `address/prefix` ranges the register API accepts its token from; empty means any address. */
  allowedAddresses: string[]
  /** When it was revoked and by whom: a name, `Deleted user`, `System` (its creator's deactivation) or `System (command line)`. */
  revoked?: { at: Date; byName: string }
  /** During a regeneration's overlap: when the replaced token stops working. */
  previousTokenStopsAt?: Date
}

const creators = alias(users, 'creators')
const revokers = alias(users, 'revokers')


/**
 * A client the person may see, or undefined — for unknown ids, deleted clients and, for API-only users,
 * other people's clients alike, so a page cannot tell them apart (all are 404).
 */
export async function findApiClient(db: Database, viewer: CurrentUser, id: string, now: Date): Promise<ApiClientDetails | undefined> {
  if (!isUuid(id)) return undefined
  const [row] = await db
    .select({
      client: apiClients,
      creator: { firstName: creators.firstName, lastName: creators.lastName, deletedAt: creators.deletedAt },
      revoker: { firstName: revokers.firstName, lastName: revokers.lastName, deletedAt: revokers.deletedAt },
    })
    .from(apiClients)
    .innerJoin(creators, eq(creators.id, apiClients.createdById))
    .leftJoin(revokers, eq(revokers.id, apiClients.revokedById))
    .where(and(eq(apiClients.id, id), visibleApiClients(viewer)))
  if (!row) return undefined
  const { client, creator, revoker } = row
  const status = apiClientStatus(client, now)
  const previousTokenStopsAt = status === 'active' ? await previousTokenStop(db, client.id, now) : undefined
  return {
    id: client.id,
    name: client.name,
    expiresOn: client.expiresOn,
    status,
    tag: apiClientTag(client, now),
    createdAt: client.createdAt,
    createdById: client.createdById,
    creatorName: shownName(creator),
    lastUsedAt: client.lastUsedAt,
    allowedAddresses: client.allowedAddresses,
    // No revoker means the system did it: deactivating the creator revokes their clients, or the command line.
    revoked: client.revokedAt ? { at: client.revokedAt, byName: revoker ? shownName(revoker) : await systemRevokerName(db, client.id) } : undefined,
    previousTokenStopsAt,
  }
}

/** `System`, or `System (command line)` when the operator's command line revoked the client (its revision's origin). */
async function systemRevokerName(db: Database, clientId: string): Promise<string> {
  const [revision] = await db
    .select({ origin: revisions.origin })
    .from(revisions)
    .where(and(eq(revisions.entityType, 'api_client'), eq(revisions.entityId, clientId), eq(revisions.action, 'revoked')))
    .orderBy(desc(revisions.revisionNumber))
    .limit(1)
  return revision?.origin === 'command-line' ? commandLineActorName : 'System'
}

/** When a client's replaced token stops, if it still works at `now` (a regeneration's overlap). */
async function previousTokenStop(db: Database, clientId: string, now: Date): Promise<Date | undefined> {
  const [token] = await db
    .select({ stopsAt: apiClientTokens.stopsAt })
    .from(apiClientTokens)
    .where(and(eq(apiClientTokens.clientId, clientId), isNotNull(apiClientTokens.stopsAt), gt(apiClientTokens.stopsAt, now)))
    .orderBy(desc(apiClientTokens.stopsAt))
    .limit(1)
  return token?.stopsAt ?? undefined
}

/**
 * Whether a creator already has a live client with this name, ignoring case (optionally not counting one
 * client, when renaming it). The form asks first for a friendly message; the database index decides.
 */
export async function clientNameTaken(db: Database, creatorId: string, name: string, exceptClientId?: string): Promise<boolean> {
  const rows = await db
    .select({ id: apiClients.id })
    .from(apiClients)
    .where(and(eq(apiClients.createdById, creatorId), isNull(apiClients.deletedAt), sql`lower(${apiClients.name}) = lower(${name})`))
  return rows.some((row) => row.id !== exceptClientId)
}

/**
 * A client name checked as the Add and Change forms check it (docs/product/api-clients.md): its format, then
 * its uniqueness among the creator's live clients. Renaming passes the client's id, so a client does not collide
 * with itself, and the creator's id, so a general-access user renaming someone else's client is judged against
 * that creator's names, not their own.
 */
export async function checkClientName(db: Database, creatorId: string, raw: string, exceptClientId?: string): Promise<ClientNameResult> {
  const result = validateClientName(raw)
  if (!result.ok) return result
  return (await clientNameTaken(db, creatorId, result.name, exceptClientId)) ? { ok: false, message: clientNameNotUniqueMessage } : result
}
