import { and, eq, isNull } from 'drizzle-orm'
import type { Database, Transaction } from '@/db'
import { apiClients, users, type ApiClient, type User } from '@/db/schema'
import { violatesUniqueIndex } from '@/db/errors'
import type { revocation } from '@/lib/api-clients/commands'
import { deletion, revocationForDeactivatedCreator, writeApiClientChange } from '@/lib/api-clients/commands'
import { activeApiClientAt } from '@/lib/api-clients/status'
import { announceApiClientChange, everyApiClient, forgetApiClient } from '@/lib/token-cache/client-changes'
import { recordRevision } from '@/lib/history/revisions'
import type { UserChanges, UserSnapshot } from '@/lib/history/snapshots'
import { isUuid } from '@/lib/ids'

/** Who makes a change: a signed-in person, or null for the system (the create-user command). */
export type Actor = { id: string } | null

/** The answers that describe a user (already validated: trimmed names, a lower-case DfE address). */
export type UserDetails = { firstName: string; lastName: string; email: string; apiUser: boolean }

/** The fields every revision of a user records. */
function snapshotOf(user: User): UserSnapshot {
  return {
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    apiUser: user.apiUser,
    active: user.active,
    deletedAt: user.deletedAt?.toISOString() ?? null,
  }
}

const emailIndex = 'users_email_unique'

export type CreateUserResult = { outcome: 'created'; user: User } | { outcome: 'email-taken' }

/** Adds a user who can sign in with DfE Sign-in, and their 'added' revision, in one transaction. */
export async function createUser(db: Database, input: { details: UserDetails; actor: Actor; at: Date }): Promise<CreateUserResult> {
  try {
    const user = await db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(users)
        .values({ ...input.details, createdAt: input.at, updatedAt: input.at })
        .returning()
      if (!inserted) throw new Error('insert returned no row')
      await recordRevision(tx, {
        entityType: 'user',
        entityId: inserted.id,
        action: 'added',
        actorId: input.actor?.id ?? null,
        at: input.at,
        snapshot: snapshotOf(inserted),
      })
      return inserted
    })
    return { outcome: 'created', user }
  } catch (error) {
    if (violatesUniqueIndex(error, emailIndex)) return { outcome: 'email-taken' }
    throw error
  }
}

export type UserChangeOutcome =
  /** Done, with its revision. */
  | 'changed'
  /** Nothing to do: the answers were the same, or the user was already in that state. Nothing recorded. */
  | 'unchanged'
  | 'not-found'
  /** People cannot deactivate, delete or change the access of their own account. */
  | 'self'
  /** Name and email are fixed once the person has signed in (they come from DfE Sign-in then). */
  | 'signed-in-before'
  | 'email-taken'

export type UserChangeResult = { outcome: UserChangeOutcome; user?: User; revokedClients?: number; deletedClients?: number }

/** Locks a user who has not been deleted, for the rest of the transaction; undefined if there is none. */
async function lockUser(tx: Transaction, id: string): Promise<User | undefined> {
  if (!isUuid(id)) return undefined
  const [user] = await tx
    .select()
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deletedAt)))
    .for('update')
  return user
}

/** Updates a locked user and appends the revision, in the caller's transaction. */
async function applyUserChange(
  tx: Transaction,
  user: User,
  input: { actor: Actor; at: Date },
  change: { action: 'updated' | 'deactivated' | 'reactivated' | 'deleted'; set: Partial<typeof users.$inferInsert> },
): Promise<User> {
  const [changed] = await tx
    .update(users)
    .set({ ...change.set, updatedAt: input.at })
    .where(eq(users.id, user.id))
    .returning()
  if (!changed) throw new Error('update returned no row')
  const before = snapshotOf(user)
  const after = snapshotOf(changed)
  const keys = Object.keys(after) as (keyof UserSnapshot)[]
  const changes: UserChanges = Object.fromEntries(
    keys.flatMap((key) => (before[key] === after[key] ? [] : [[key, { from: before[key], to: after[key] }]])),
  )
  await recordRevision(tx, {
    entityType: 'user',
    entityId: user.id,
    action: change.action,
    actorId: input.actor?.id ?? null,
    at: input.at,
    snapshot: after,
    changes,
  })
  return changed
}

/**
 * Revokes or deletes the user's clients as a consequence of a change to the user, each with its own
 * revision, and tells every instance's token cache once.
 */
async function changeClients(tx: Transaction, clients: ApiClient[], input: { actor: Actor; at: Date }, change: typeof revocation): Promise<void> {
  const actorId = input.actor?.id ?? null
  for (const client of clients) await writeApiClientChange(tx, client, { actorId, at: input.at }, change(actorId, input.at))
  if (clients.length > 0) await announceApiClientChange(tx, everyApiClient)
}

/** Runs a change that may touch API clients, then drops every cached client in this process (see forgettingAfterwards in lib/api-clients/commands.ts). */
async function forgettingClientsAfterwards(change: Promise<UserChangeResult>): Promise<UserChangeResult> {
  try {
    return await change
  } finally {
    forgetApiClient(everyApiClient)
  }
}

/**
 * Changes a user's details. Name and email can change only while the person has never signed in; the API
 * user answer can always change, except on your own account (you would lock yourself out of this section).
 * Saving the same answers records nothing.
 */
export async function updateUser(
  db: Database,
  input: { id: string; details: Partial<UserDetails>; actor: Actor; at: Date },
): Promise<UserChangeResult> {
  return db
    .transaction(async (tx): Promise<UserChangeResult> => {
      const user = await lockUser(tx, input.id)
      if (!user) return { outcome: 'not-found' }
      const set: Partial<UserDetails> = {}
      for (const key of ['firstName', 'lastName', 'email', 'apiUser'] as const) {
        const value = input.details[key]
        if (value !== undefined && value !== user[key]) Object.assign(set, { [key]: value })
      }
      if (Object.keys(set).length === 0) return { outcome: 'unchanged', user }
      if (set.apiUser !== undefined && input.actor?.id === user.id) return { outcome: 'self', user }
      const identityChanged = set.firstName !== undefined || set.lastName !== undefined || set.email !== undefined
      if (identityChanged && user.lastSignedInAt) return { outcome: 'signed-in-before', user }
      return { outcome: 'changed', user: await applyUserChange(tx, user, input, { action: 'updated', set }) }
    })
    .catch((error: unknown): UserChangeResult => {
      if (violatesUniqueIndex(error, emailIndex)) return { outcome: 'email-taken' }
      throw error
    })
}

/**
 * Deactivates a user, who can then no longer sign in, and revokes their active API clients in the same
 * transaction, so their tokens fail on the next request. Already-inactive users are left as they are.
 */
export async function deactivateUser(db: Database, input: { id: string; actor: Actor; at: Date }): Promise<UserChangeResult> {
  const change = db.transaction(async (tx): Promise<UserChangeResult> => {
    const user = await lockUser(tx, input.id)
    if (!user) return { outcome: 'not-found' }
    if (input.actor?.id === user.id) return { outcome: 'self', user }
    if (!user.active) return { outcome: 'unchanged', user }
    // Ending their sessions as well means a cookie from before stays refused even if they are reactivated.
    const changed = await applyUserChange(tx, user, input, { action: 'deactivated', set: { active: false, sessionsEndedAt: input.at } })
    // Only live, active clients are revoked: expired ones keep their status.
    const clients = await tx
      .select()
      .from(apiClients)
      .where(and(eq(apiClients.createdById, user.id), isNull(apiClients.deletedAt), activeApiClientAt(input.at)))
      .orderBy(apiClients.createdAt, apiClients.id)
      .for('update')
    await changeClients(tx, clients, input, revocationForDeactivatedCreator)
    return { outcome: 'changed', user: changed, revokedClients: clients.length }
  })
  return forgettingClientsAfterwards(change)
}

/**
 * Lets a deactivated user sign in again. Clients revoked when they were deactivated stay revoked; their
 * expired clients stay expired. Token caches still hear of it, so none keeps a refusal for this creator.
 */
export async function reactivateUser(db: Database, input: { id: string; actor: Actor; at: Date }): Promise<UserChangeResult> {
  const change = db.transaction(async (tx): Promise<UserChangeResult> => {
    const user = await lockUser(tx, input.id)
    if (!user) return { outcome: 'not-found' }
    if (input.actor?.id === user.id) return { outcome: 'self', user }
    if (user.active) return { outcome: 'unchanged', user }
    const changed = await applyUserChange(tx, user, input, { action: 'reactivated', set: { active: true } })
    await announceApiClientChange(tx, everyApiClient)
    return { outcome: 'changed', user: changed }
  })
  return forgettingClientsAfterwards(change)
}

/**
 * Soft-deletes a user and deletes every API client they created, in one transaction with the revisions of
 * each. The rows and their history stay; the person can no longer sign in and their tokens stop working.
 */
export async function deleteUser(db: Database, input: { id: string; actor: Actor; at: Date }): Promise<UserChangeResult> {
  const change = db.transaction(async (tx): Promise<UserChangeResult> => {
    const user = await lockUser(tx, input.id)
    if (!user) return { outcome: 'not-found' }
    if (input.actor?.id === user.id) return { outcome: 'self', user }
    const deleted = await applyUserChange(tx, user, input, { action: 'deleted', set: { deletedAt: input.at, deletedById: input.actor?.id ?? null } })
    const clients = await tx
      .select()
      .from(apiClients)
      .where(and(eq(apiClients.createdById, user.id), isNull(apiClients.deletedAt)))
      .orderBy(apiClients.createdAt, apiClients.id)
      .for('update')
    await changeClients(tx, clients, input, deletion)
    return { outcome: 'changed', user: deleted, deletedClients: clients.length }
  })
  return forgettingClientsAfterwards(change)
}
