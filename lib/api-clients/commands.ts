import { and, desc, eq, gt, isNull, or } from 'drizzle-orm'
import type { Database, Transaction } from '@/db'
import { violatesUniqueIndex } from '@/db/errors'
import { apiClients, apiClientTokens, type ApiClient, type RevisionOrigin } from '@/db/schema'
import { announceApiClientChange, forgetApiClient } from '@/lib/token-cache/client-changes'
import type { CurrentUser } from '@/lib/auth/roles'
import { recordRevision } from '@/lib/history/revisions'
import type { ApiClientChanges, ApiClientSnapshot } from '@/lib/history/snapshots'
import { isUuid } from '@/lib/ids'
import { generateToken, hashToken } from '@/lib/tokens/format'
import { visibleApiClients } from './access'
import { actorIdOf, originOf, type Actor } from './actor'
import { apiClientStatus } from './status'
import { overlapEnd, type OverlapChoice } from './overlap'

export type TokenSettings = { pepper: string; environment: 'live' | 'test' }

/** The fields every revision of an API client records; `tokenHint` is its newest token's. */
export function apiClientSnapshot(client: ApiClient, tokenHint: string): ApiClientSnapshot {
  return {
    name: client.name,
    expiresOn: client.expiresOn,
    tokenHint,
    createdById: client.createdById,
    revokedAt: client.revokedAt?.toISOString() ?? null,
    deletedAt: client.deletedAt?.toISOString() ?? null,
    allowedAddresses: client.allowedAddresses,
  }
}

export type CreateApiClientResult = { outcome: 'created'; client: ApiClient; token: string } | { outcome: 'name-taken' }

/**
 * Adds an API client with a new token, and its 'added' revision, in one transaction. The plaintext token
 * is returned to show once and is never stored: only its HMAC and a 4-character hint are.
 */
export async function createApiClient(
  db: Database,
  input: {
    name: string
    expiresOn: string
    allowedAddresses?: string[]
    creator: CurrentUser
    /** Who adds it, when that is not the creator: the operator's command line, adding it for them. */
    actor?: Actor
    at: Date
    tokens: TokenSettings
  },
): Promise<CreateApiClientResult> {
  const { plaintext, hint } = generateToken(input.tokens.environment)
  try {
    const client = await db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(apiClients)
        .values({
          name: input.name,
          expiresOn: input.expiresOn,
          allowedAddresses: input.allowedAddresses ?? [],
          createdById: input.creator.id,
          createdAt: input.at,
          updatedAt: input.at,
        })
        .returning()
      if (!inserted) throw new Error('insert returned no row')
      await tx.insert(apiClientTokens).values({
        clientId: inserted.id,
        tokenHash: hashToken(plaintext, input.tokens.pepper),
        tokenHint: hint,
        createdById: input.creator.id,
        createdAt: input.at,
      })
      await recordRevision(tx, {
        entityType: 'api_client',
        entityId: inserted.id,
        action: 'added',
        actorId: actorIdOf(input.actor ?? input.creator),
        origin: originOf(input.actor ?? input.creator),
        at: input.at,
        snapshot: apiClientSnapshot(inserted, hint),
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
export async function lockVisibleClient(tx: Transaction, viewer: Actor, id: string): Promise<ApiClient | undefined> {
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
export async function forgettingAfterwards(clientId: string, change: Promise<ChangeResult>): Promise<ChangeResult> {
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
  /** Recorded as the system's change whoever caused it (a revocation that follows from deactivating the creator). */
  bySystem?: true
}

/** Why the system revoked a client, recorded on its revision for the History card. */
export const creatorDeactivated = 'creator-deactivated'

/** Revoking a client, by this person (null: the system) at this time. */
export function revocation(actorId: string | null, at: Date): ApiClientChange {
  return { action: 'revoked', set: { revokedAt: at, revokedById: actorId }, changes: { revokedAt: { from: null, to: at.toISOString() } } }
}

/**
 * Revoking a client because its creator was deactivated: the system's doing, whoever deactivated them
 * (their name is on the user's own history), with the reason on the client's revision.
 */
export function revocationForDeactivatedCreator(_actorId: string | null, at: Date): ApiClientChange {
  return {
    action: 'revoked',
    set: { revokedAt: at, revokedById: null },
    changes: { revokedAt: { from: null, to: at.toISOString() }, revokedReason: { from: null, to: creatorDeactivated } },
    bySystem: true,
  }
}

/** Why the system revoked a client whose token GitHub found in public; its revision also says where (`foundAtUrl`). */
export const tokenFoundInPublic = 'token-found-in-public'

/** Revoking a client because its token was found in public at `url` (lib/secret-scanning): the system's doing. */
export function revocationForLeakedToken(at: Date, url: string): ApiClientChange {
  return {
    action: 'revoked',
    set: { revokedAt: at, revokedById: null },
    changes: {
      revokedAt: { from: null, to: at.toISOString() },
      revokedReason: { from: null, to: tokenFoundInPublic },
      foundAtUrl: { from: null, to: url },
    },
    bySystem: true,
  }
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
  input: { actorId: string | null; at: Date; origin?: RevisionOrigin },
  change: ApiClientChange,
): Promise<ApiClient> {
  const [changed] = await tx.update(apiClients).set(change.set).where(eq(apiClients.id, client.id)).returning()
  if (!changed) throw new Error('update returned no row')
  // Revoking or deleting a client ends every token it has, an overlapping old one included.
  if (change.action !== 'updated') await stopLiveTokens(tx, client.id, input.at)
  await recordRevision(tx, {
    entityType: 'api_client',
    entityId: client.id,
    action: change.action,
    actorId: change.bySystem ? null : input.actorId,
    origin: input.origin,
    at: input.at,
    snapshot: apiClientSnapshot(changed, await newestTokenHint(tx, client.id)),
    changes: change.changes,
  })
  return changed
}

/** Tokens of a client that have not stopped at `at`: its current one, and an old one in its overlap. */
function liveTokensOf(clientId: string, at: Date) {
  return and(eq(apiClientTokens.clientId, clientId), or(isNull(apiClientTokens.stopsAt), gt(apiClientTokens.stopsAt, at)))
}

/** Stops every token of a client that still works at `at`, from `at`. */
async function stopLiveTokens(tx: Transaction, clientId: string, at: Date): Promise<void> {
  await tx.update(apiClientTokens).set({ stopsAt: at }).where(liveTokensOf(clientId, at))
}

/** The hint of a client's newest token, for its revisions' snapshots. */
export async function newestTokenHint(tx: Transaction, clientId: string): Promise<string> {
  const [token] = await tx
    .select({ hint: apiClientTokens.tokenHint })
    .from(apiClientTokens)
    .where(eq(apiClientTokens.clientId, clientId))
    .orderBy(desc(apiClientTokens.createdAt), desc(apiClientTokens.id))
    .limit(1)
  if (!token) throw new Error(`API client ${clientId} has no token`)
  return token.hint
}

/**
 * Applies one change to a locked client: updates the row, appends its revision and tells every instance's
 * token cache, all in the caller's transaction.
 */
export async function applyChange(
  tx: Transaction,
  client: ApiClient,
  input: { actor: Actor; at: Date },
  change: ApiClientChange,
): Promise<ChangeResult> {
  const changed = await writeApiClientChange(tx, client, { actorId: actorIdOf(input.actor), origin: originOf(input.actor), at: input.at }, change)
  // The register API caches clients (with their names: GET /api/v1/info shows them).
  await announceApiClientChange(tx, client.id)
  return { outcome: 'changed', client: changed }
}

/**
 * Renames an active client the person may manage, recording old and new names. Expired and revoked
 * clients cannot be edited; saving the same name records nothing.
 */
export async function renameApiClient(db: Database, input: { id: string; name: string; actor: Actor; at: Date }): Promise<ChangeResult> {
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
export async function revokeApiClient(db: Database, input: { id: string; actor: Actor; at: Date }): Promise<ChangeResult> {
  const change = db.transaction(async (tx): Promise<ChangeResult> => {
    const client = await lockVisibleClient(tx, input.actor, input.id)
    if (!client) return { outcome: 'not-found' }
    if (apiClientStatus(client, input.at) !== 'active') return { outcome: 'not-active', client }
    return applyChange(tx, client, input, revocation(actorIdOf(input.actor), input.at))
  })
  return forgettingAfterwards(input.id, change)
}

/**
 * Revokes the client whose token was found in public, if it is active and not deleted. There is no viewer: the
 * report comes from GitHub, signed (lib/secret-scanning), so the revision is the system's, with where it was found.
 */
export async function revokeLeakedApiClient(db: Database, input: { id: string; at: Date; foundAtUrl: string }): Promise<ChangeResult> {
  const change = db.transaction(async (tx): Promise<ChangeResult> => {
    const [client] = await tx.select().from(apiClients).where(and(eq(apiClients.id, input.id), isNull(apiClients.deletedAt))).for('update')
    if (!client) return { outcome: 'not-found' }
    if (apiClientStatus(client, input.at) !== 'active') return { outcome: 'not-active', client }
    const changed = await writeApiClientChange(tx, client, { actorId: null, at: input.at }, revocationForLeakedToken(input.at, input.foundAtUrl))
    await announceApiClientChange(tx, client.id)
    return { outcome: 'changed', client: changed }
  })
  return forgettingAfterwards(input.id, change)
}

/** Soft-deletes a client the person may manage, whatever its status; the row and its history stay. */
export async function deleteApiClient(db: Database, input: { id: string; actor: Actor; at: Date }): Promise<ChangeResult> {
  const change = db.transaction(async (tx): Promise<ChangeResult> => {
    const client = await lockVisibleClient(tx, input.actor, input.id)
    if (!client) return { outcome: 'not-found' }
    return applyChange(tx, client, input, deletion(actorIdOf(input.actor), input.at))
  })
  return forgettingAfterwards(input.id, change)
}

export type RegenerateResult =
  | { outcome: 'regenerated'; client: ApiClient; token: string; previousTokenStopsAt: Date }
  | { outcome: 'not-found' | 'not-active'; client?: ApiClient }

/**
 * Gives an active client the person may manage a new token (docs/decisions/0018). Its current token keeps
 * working until the chosen overlap ends, but never past the client's own end; an older token still in an
 * earlier overlap stops at once, so no client ever has more than two working tokens. The name, expiry
 * date, history and usage stay with the client. Every instance forgets the client's cached tokens, and
 * each cached token carries its own end, so the old one stops at that instant everywhere.
 */
export async function regenerateApiClientToken(
  db: Database,
  input: { id: string; actor: Actor; at: Date; overlap: OverlapChoice; tokens: TokenSettings },
): Promise<RegenerateResult> {
  const { plaintext, hint } = generateToken(input.tokens.environment)
  const change = db.transaction(async (tx): Promise<RegenerateResult> => {
    const client = await lockVisibleClient(tx, input.actor, input.id)
    if (!client) return { outcome: 'not-found' }
    if (apiClientStatus(client, input.at) !== 'active') return { outcome: 'not-active', client }
    const live = await tx
      .select({ id: apiClientTokens.id, stopsAt: apiClientTokens.stopsAt, hint: apiClientTokens.tokenHint })
      .from(apiClientTokens)
      .where(liveTokensOf(client.id, input.at))
    const current = live.find((token) => token.stopsAt === null)
    if (!current) throw new Error(`API client ${client.id} has no current token`)
    const previousTokenStopsAt = overlapEnd(input.overlap, input.at, client.expiresOn)
    // The older token of an overlap in progress stops now; the current one at the end of the new overlap.
    for (const token of live) {
      const stopsAt = token.id === current.id ? previousTokenStopsAt : input.at
      await tx.update(apiClientTokens).set({ stopsAt }).where(eq(apiClientTokens.id, token.id))
    }
    await tx.insert(apiClientTokens).values({
      clientId: client.id,
      tokenHash: hashToken(plaintext, input.tokens.pepper),
      tokenHint: hint,
      createdById: actorIdOf(input.actor),
      createdAt: input.at,
    })
    await recordRevision(tx, {
      entityType: 'api_client',
      entityId: client.id,
      action: 'regenerated',
      actorId: actorIdOf(input.actor),
      origin: originOf(input.actor),
      at: input.at,
      snapshot: apiClientSnapshot(client, hint),
      changes: {
        tokenHint: { from: current.hint, to: hint },
        previousTokenStopsAt: { from: null, to: previousTokenStopsAt.toISOString() },
      },
    })
    await announceApiClientChange(tx, client.id)
    return { outcome: 'regenerated', client, token: plaintext, previousTokenStopsAt }
  })
  try {
    return await change
  } finally {
    forgetApiClient(input.id)
  }
}
