import { and, count, desc, eq, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Database } from '@/db'
import { apiClients, revisions, users, type RevisionAction } from '@/db/schema'
import type { CurrentUser } from '@/lib/auth/roles'

/** One change as the Activity page and a client's History section show it. */
export type ActivityItem = {
  id: number
  at: Date
  action: RevisionAction
  title: string
  /** The actor's name, `Deleted user` if they have since been deleted, or null for the system. */
  actorName: string | null
  clientName: string
  expiresOn: string
  /** For renames: the name before. */
  previousName?: string
  /** Link to the client, unless it has been deleted (deleted clients' items stay but do not link). */
  href?: string
}

export const activityPerPage = 25

const titles: Record<RevisionAction, string> = {
  added: 'API client added',
  updated: 'API client updated',
  revoked: 'API client revoked',
  deleted: 'API client deleted',
  deactivated: 'API client updated',
  reactivated: 'API client updated',
}

const actors = alias(users, 'actors')

function selectActivity(db: Database, where: SQL | undefined) {
  return db
    .select({ revision: revisions, client: { id: apiClients.id, deletedAt: apiClients.deletedAt }, actor: actors })
    .from(revisions)
    .innerJoin(apiClients, and(eq(revisions.entityType, 'api_client'), eq(apiClients.id, revisions.entityId)))
    .leftJoin(actors, eq(actors.id, revisions.actorId))
    .where(where)
    .orderBy(desc(revisions.createdAt), desc(revisions.id))
}

type Row = Awaited<ReturnType<typeof selectActivity>>[number]

function toItem({ revision, client, actor }: Row): ActivityItem {
  const snapshot = revision.snapshot as { name?: string; expiresOn?: string }
  const rename = revision.changes.name as { from?: unknown } | undefined
  return {
    id: revision.id,
    at: revision.createdAt,
    action: revision.action,
    title: titles[revision.action],
    actorName: actor ? (actor.deletedAt ? 'Deleted user' : `${actor.firstName} ${actor.lastName}`) : revision.actorId ? 'Deleted user' : null,
    clientName: snapshot.name ?? '',
    expiresOn: snapshot.expiresOn ?? '',
    previousName: typeof rename?.from === 'string' ? rename.from : undefined,
    href: client.deletedAt ? undefined : `/api-clients/${client.id}`,
  }
}

/** Which history a person may see: everything for general access; API-only users their own clients'. */
function visibleActivity(viewer: CurrentUser): SQL | undefined {
  return viewer.role === 'general-access' ? undefined : eq(apiClients.createdById, viewer.id)
}

/** A page of all the activity a person may see, newest first. */
export async function listActivity(db: Database, viewer: CurrentUser, page: number): Promise<{ items: ActivityItem[]; total: number }> {
  const where = visibleActivity(viewer)
  const [totalRow] = await db
    .select({ total: count() })
    .from(revisions)
    .innerJoin(apiClients, and(eq(revisions.entityType, 'api_client'), eq(apiClients.id, revisions.entityId)))
    .where(where)
  const rows = await selectActivity(db, where)
    .limit(activityPerPage)
    .offset((page - 1) * activityPerPage)
  return { items: rows.map(toItem), total: totalRow?.total ?? 0 }
}

/** The history of one client, newest first (the caller has already checked the person may see it). */
export async function apiClientHistory(db: Database, clientId: string): Promise<ActivityItem[]> {
  const rows = await selectActivity(db, eq(apiClients.id, clientId))
  return rows.map(toItem)
}
