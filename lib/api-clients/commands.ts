import { and, eq } from 'drizzle-orm'
import type { Database, Transaction } from '@/db'
import { violatesUniqueIndex } from '@/db/errors'
import { apiClients, type ApiClient } from '@/db/schema'
import { announceApiClientChange, forgetApiClient } from '@/lib/token-cache/client-changes'
import type { CurrentUser } from '@/lib/auth/roles'
import { recordRevision } from '@/lib/history/revisions'
import type { ApiClientChanges, ApiClientSnapshot } from '@/lib/history/snapshots'
import { isUuid } from '@/lib/ids'
import { generateToken, hashToken } from '@/lib/tokens/format'
import { visibleApiClients } from './access'
import { apiClientStatus } from './status'

export type TokenSettings = { pepper: string; environment: 'live' | 'test' }

/** The fields every revision of an API client records. */
export function apiClientSnapshot(client: ApiClient): ApiClientSnapshot {
  return {
    name: client.name,
    expiresOn: client.expiresOn,
    tokenHint: client.tokenHint,
    createdById: client.createdById,
    revokedAt: client.revokedAt?.toISOString() ?? null,
    deletedAt: client.deletedAt?.toISOString() ?? null,
  }
}

export type CreateApiClientResult = { outcome: 'created'; client: ApiClient; token: string } | { outcome: 'name-taken' }

/**
 * Adds an API client with a new token, and its 'added' revision, in one transaction. The plaintext token
 * is returned to show once and is never stored: only its HMAC and a 4-character hint are.
 */
export async function createApiClient(
  db: Database,
  input: { name: string; expiresOn: string; creator: CurrentUser; at: Date; tokens: TokenSettings },
): Promise<CreateApiClientResult> {
  const { plaintext, hint } = generateToken(input.tokens.environment)
  try {
    const client = await db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(apiClients)
        .values({
          name: input.name,
          expiresOn: input.expiresOn,
          createdById: input.creator.id,
          tokenHash: hashToken(plaintext, input.tokens.pepper),
          tokenHint: hint,
          createdAt: input.at,
          updatedAt: input.at,
        })
        .returning()
      if (!inserted) throw new Error('insert returned no row')
      await recordRevision(tx, {
        entityType: 'api_client',
        entityId: inserted.id,
        action: 'added',
        actorId: input.creator.id,
        at: input.at,
        snapshot: apiClientSnapshot(inserted),
      })
      return inserted
    })
    return { outcome: 'created', client, token: plaintext }
  } catch (error) {
    if (violatesUniqueIndex(error, 'api_clients_creator_name_unique')) return { outcome: 'name-taken' }
    throw error
  }
}

/** Locks a client the person may manage, for the rest of the transaction; undefined if there is none. */
async function lockVisibleClient(tx: Transaction, viewer: CurrentUser, id: string): Promise<ApiClient | undefined> {
  if (!isUuid(id)) return undefined
  const [client] = await tx
    .select()
    .from(apiClients)
    .where(and(eq(apiClients.id, id), visibleApiClients(viewer)))
    .for('update')
  return client
}

/**
 * Drops the client from this process's token cache once its change settles: after the commit, so no
 * request can cache the old row again, and after a failure too, since a lost COMMIT reply may hide a
 * change that was made. Other instances hear of it from the notification sent inside the transaction,
 * which PostgreSQL delivers only on commit (lib/token-cache/client-changes.ts).
 */
async function forgettingAfterwards(clientId: string, change: Promise<ChangeResult>): Promise<ChangeResult> {
  try {
    return await change
  } finally {
    forgetApiClient(clientId)
  }
}

export type ChangeResult = { outcome: 'changed' | 'unchanged' | 'not-found' | 'not-active' | 'name-taken'; client?: ApiClient }

/** One change to an API client: its action, the columns it sets and the changed fields it records. */
export type ApiClientChange = {
  action: 'updated' | 'revoked' | 'deleted'
  set: Partial<typeof apiClients.$inferInsert>
  changes: ApiClientChanges
}

/** Revoking a client, by this person (null: the system) at this time. */
export function revocation(actorId: string | null, at: Date): ApiClientChange {
  return { action: 'revoked', set: { revokedAt: at, revokedById: actorId }, changes: { revokedAt: { from: null, to: at.toISOString() } } }
}

/** Deleting (soft-deleting) a client, by this person (null: the system) at this time. */
export function deletion(actorId: string | null, at: Date): ApiClientChange {
  return { action: 'deleted', set: { deletedAt: at, deletedById: actorId }, changes: { deletedAt: { from: null, to: at.toISOString() } } }
}

/**
 * Writes one change to a locked client and appends its revision, in the caller's transaction. The caller
 * tells the token caches (announceApiClientChange): once per client, or once for many (lib/users/commands.ts).
 */
export async function writeApiClientChange(
  tx: Transaction,
  client: ApiClient,
  input: { actorId: string | null; at: Date },
  change: ApiClientChange,
): Promise<ApiClient> {
  const [changed] = await tx.update(apiClients).set(change.set).where(eq(apiClients.id, client.id)).returning()
  if (!changed) throw new Error('update returned no row')
  await recordRevision(tx, {
    entityType: 'api_client',
    entityId: client.id,
    action: change.action,
    actorId: input.actorId,
    at: input.at,
    snapshot: apiClientSnapshot(changed),
    changes: change.changes,
  })
  return changed
}

/**
 * Applies one change to a locked client: updates the row, appends its revision and tells every instance's
 * token cache, all in the caller's transaction.
 */
async function applyChange(
  tx: Transaction,
  client: ApiClient,
  input: { actor: CurrentUser; at: Date },
  change: ApiClientChange,
): Promise<ChangeResult> {
  const changed = await writeApiClientChange(tx, client, { actorId: input.actor.id, at: input.at }, change)
  // The register API caches clients (with their names: GET /api/v1/info shows them).
  await announceApiClientChange(tx, client.id)
  return { outcome: 'changed', client: changed }
}

/**
 * Renames an active client the person may manage, recording old and new names. Expired and revoked
 * clients cannot be edited; saving the same name records nothing.
 */
export async function renameApiClient(db: Database, input: { id: string; name: string; actor: CurrentUser; at: Date }): Promise<ChangeResult> {
  const change = db.transaction(async (tx): Promise<ChangeResult> => {
    const client = await lockVisibleClient(tx, input.actor, input.id)
    if (!client) return { outcome: 'not-found' }
    if (apiClientStatus(client, input.at) !== 'active') return { outcome: 'not-active', client }
    if (client.name === input.name) return { outcome: 'unchanged', client }
    return applyChange(tx, client, input, { action: 'updated', set: { name: input.name }, changes: { name: { from: client.name, to: input.name } } })
  })
  return forgettingAfterwards(
    input.id,
    change.catch((error: unknown): ChangeResult => {
      if (violatesUniqueIndex(error, 'api_clients_creator_name_unique')) return { outcome: 'name-taken' }
      throw error
    }),
  )
}

/** Revokes an active client the person may manage; its token stops working on the next request. */
export async function revokeApiClient(db: Database, input: { id: string; actor: CurrentUser; at: Date }): Promise<ChangeResult> {
  const change = db.transaction(async (tx): Promise<ChangeResult> => {
    const client = await lockVisibleClient(tx, input.actor, input.id)
    if (!client) return { outcome: 'not-found' }
    if (apiClientStatus(client, input.at) !== 'active') return { outcome: 'not-active', client }
    return applyChange(tx, client, input, revocation(input.actor.id, input.at))
  })
  return forgettingAfterwards(input.id, change)
}

/** Soft-deletes a client the person may manage, whatever its status; the row and its history stay. */
export async function deleteApiClient(db: Database, input: { id: string; actor: CurrentUser; at: Date }): Promise<ChangeResult> {
  const change = db.transaction(async (tx): Promise<ChangeResult> => {
    const client = await lockVisibleClient(tx, input.actor, input.id)
    if (!client) return { outcome: 'not-found' }
    return applyChange(tx, client, input, deletion(input.actor.id, input.at))
  })
  return forgettingAfterwards(input.id, change)
}
