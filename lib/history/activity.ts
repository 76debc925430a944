import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Database } from '@/db'
import { apiClients, revisions, users, type RevisionAction } from '@/db/schema'
import type { CurrentUser } from '@/lib/auth/roles'
import { commandLineActorName } from '@/lib/api-clients/actor'
import { deletedUserName, fullName, shownName } from '@/lib/users/names'
import { apiClientChangesSchema, apiClientSnapshotSchema, userChangesSchema, userSnapshotSchema, type ApiClientSnapshot } from './snapshots'

type ActivityBase = {
  id: number
  at: Date
  action: RevisionAction
  title: string
  /**
   * The actor's name, `Deleted user` if they have since been deleted (lib/users/names.ts), `System (command
   * line)` for the operator's command line, or null for the system.
   */
  actorName: string | null
}

/** A change to an API client as the Activity page and a client's History section show it. */
export type ApiClientActivity = ActivityBase & {
  subject: 'api-client'
  clientName: string
  expiresOn: string
  /** For renames: the name before. */
  previousName?: string
  /** Link to the client, unless it has been deleted (deleted clients' items stay but do not link). */
  href?: string
  /** For a regenerated token: when the token it replaced stops working. */
  previousTokenStopsAt?: Date
  /** For a revocation the system made: why (`creator-deactivated`, `token-found-in-public`). */
  revokedReason?: string
  /** For a token found in public: the address GitHub found it at (it may be empty). */
  foundAtUrl?: string
  /** When the allowed IP addresses changed, or a client was added with some: the list after (empty: any address). */
  allowedAddresses?: string[]
  /** When they changed: the list before. */
  previousAllowedAddresses?: string[]
}

/** A change to a user: their details after it, and for an update the values before. */
export type UserActivity = ActivityBase & {
  subject: 'user'
  name: string
  email: string
  apiUser: boolean
  previousName?: string
  previousEmail?: string
  previousApiUser?: boolean
  /** Link to the user, unless they have been deleted. */
  href?: string
}

/** One change, newest first on the Activity page. */
export type ActivityItem = ApiClientActivity | UserActivity

export const activityPerPage = 25

const clientTitles: Record<RevisionAction, string> = {
  added: 'API client added',
  updated: 'API client updated',
  regenerated: 'Token regenerated',
  revoked: 'API client revoked',
  deleted: 'API client deleted',
  deactivated: 'API client updated',
  reactivated: 'API client updated',
  // Completed with the person's name from the revision (clientTitle).
  reminded: 'Expiry reminder sent',
}

const userTitles: Record<RevisionAction, string> = {
  added: 'User added',
  updated: 'User updated',
  regenerated: 'User updated',
  revoked: 'User updated',
  deleted: 'User deleted',
  deactivated: 'User deactivated',
  reactivated: 'User reactivated',
  reminded: 'User updated',
}

const actors = alias(users, 'actors')
const subjects = alias(users, 'subjects')

const isClientRevision = and(eq(revisions.entityType, 'api_client'), eq(apiClients.id, revisions.entityId))
const isUserRevision = and(eq(revisions.entityType, 'user'), eq(subjects.id, revisions.entityId))

/** Revisions with what their items need (client, user, actor), newest first unless asked for oldest first. */
export function selectActivity(db: Database, where: SQL | undefined, order: 'newest-first' | 'oldest-first' = 'newest-first') {
  const direction = order === 'newest-first' ? desc : asc
  return db
    .select({
      revision: revisions,
      client: { id: apiClients.id, deletedAt: apiClients.deletedAt },
      subject: { id: subjects.id, deletedAt: subjects.deletedAt },
      actor: actors,
    })
    .from(revisions)
    .leftJoin(apiClients, isClientRevision)
    .leftJoin(subjects, isUserRevision)
    .leftJoin(actors, eq(actors.id, revisions.actorId))
    .where(where)
    .orderBy(direction(revisions.createdAt), direction(revisions.id))
}

/**
 * The ids of the revisions a person may see that match `where`, alone: a query that pages through many
 * revisions picks them first, on the revisions index, and joins the rest for those ids only (export.ts).
 */
export function visibleRevisionIds(db: Database, viewer: CurrentUser, where: SQL | undefined) {
  return db
    .select({ id: revisions.id })
    .from(revisions)
    .leftJoin(apiClients, isClientRevision)
    .where(and(visibleActivity(viewer), where))
}

/** One revision as selectActivity reads it. */
export type ActivityRow = Awaited<ReturnType<typeof selectActivity>>[number]
type Row = ActivityRow

function actorName({ revision, actor }: Row): string | null {
  if (actor) return shownName(actor)
  if (revision.actorId) return deletedUserName
  return revision.origin === 'command-line' ? commandLineActorName : null
}

/** A client's item title; a reminder's names whom it went to, as they were named when it was sent. */
function clientTitle(action: RevisionAction, snapshot: ApiClientSnapshot): string {
  if (action !== 'reminded') return clientTitles[action]
  const recipient = snapshot.reminder?.recipientName
  return recipient ? `Expiry reminder sent to ${recipient}` : clientTitles.reminded
}

/** A revision as the History card shows it: its title, subject and actor. */
export function toItem(row: Row): ActivityItem {
  const { revision, client, subject } = row
  const base = { id: revision.id, at: revision.createdAt, action: revision.action, actorName: actorName(row) }
  // Read with the schemas the commands write with (lib/history/snapshots.ts).
  if (revision.entityType === 'user') {
    const snapshot = userSnapshotSchema.parse(revision.snapshot)
    const changes = userChangesSchema.parse(revision.changes)
    const renamed = changes.firstName !== undefined || changes.lastName !== undefined
    return {
      ...base,
      subject: 'user',
      title: userTitles[revision.action],
      name: fullName(snapshot),
      email: snapshot.email,
      apiUser: snapshot.apiUser,
      previousName: renamed
        ? fullName({ firstName: changes.firstName?.from ?? snapshot.firstName, lastName: changes.lastName?.from ?? snapshot.lastName })
        : undefined,
      previousEmail: changes.email?.from,
      previousApiUser: changes.apiUser?.from,
      href: subject && !subject.deletedAt ? `/users/${subject.id}` : undefined,
    }
  }
  const snapshot = apiClientSnapshotSchema.parse(revision.snapshot)
  const changes = apiClientChangesSchema.parse(revision.changes)
  return {
    ...base,
    subject: 'api-client',
    title: clientTitle(revision.action, snapshot),
    clientName: snapshot.name,
    expiresOn: snapshot.expiresOn,
    previousName: changes.name?.from,
    href: client && !client.deletedAt ? `/api-clients/${client.id}` : undefined,
    previousTokenStopsAt: changes.previousTokenStopsAt?.to ? new Date(changes.previousTokenStopsAt.to) : undefined,
    revokedReason: changes.revokedReason?.to ?? undefined,
    foundAtUrl: changes.foundAtUrl?.to ?? undefined,
    // Shown where it says something: on a change of the list, and on an added client that has one.
    allowedAddresses: changes.allowedAddresses?.to ?? (revision.action === 'added' && snapshot.allowedAddresses?.length ? snapshot.allowedAddresses : undefined),
    previousAllowedAddresses: changes.allowedAddresses?.from,
  }
}

/**
 * Which history a person may see: general-access users everything (API clients and users); API-only users
 * only their own clients' (docs/product/history.md), never anything about users.
 */
export function visibleActivity(viewer: CurrentUser): SQL | undefined {
  if (viewer.role === 'general-access') return undefined
  return and(eq(revisions.entityType, 'api_client'), eq(apiClients.createdById, viewer.id))
}

/** A page of all the activity a person may see, newest first. */
export async function listActivity(db: Database, viewer: CurrentUser, page: number): Promise<{ items: ActivityItem[]; total: number }> {
  const where = visibleActivity(viewer)
  const [totalRow] = await db.select({ total: count() }).from(revisions).leftJoin(apiClients, isClientRevision).where(where)
  const rows = await selectActivity(db, where)
    .limit(activityPerPage)
    .offset((page - 1) * activityPerPage)
  return { items: rows.map(toItem), total: totalRow?.total ?? 0 }
}

/** The history of one client, newest first (the caller has already checked the person may see it). */
export async function apiClientHistory(db: Database, clientId: string): Promise<ActivityItem[]> {
  const rows = await selectActivity(db, and(eq(revisions.entityType, 'api_client'), eq(revisions.entityId, clientId)))
  return rows.map(toItem)
}

/** The history of one user, newest first (the caller has already checked the person has general access). */
export async function userHistory(db: Database, userId: string): Promise<ActivityItem[]> {
  const rows = await selectActivity(db, and(eq(revisions.entityType, 'user'), eq(revisions.entityId, userId)))
  return rows.map(toItem)
}
