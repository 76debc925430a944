import { and, asc, desc, eq, gt, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm'
import type { Database } from '@/db/client'
import { apiClients, apiClientTokens, users } from '@/db/schema'
import { ukDate } from '@/lib/dates'
import { isUuid } from '@/lib/ids'
import { shownName } from '@/lib/users/names'
import { commandLine } from '../actor'
import { visibleApiClients } from '../access'
import { activeApiClientAt, apiClientStatus, apiClientTag, type ApiClientStatus, type ApiClientTag } from '../status'

/** An API client as the command line prints it; in JSON, its dates are ISO 8601 and absent ones null. */
export type CliClient = {
  id: string
  name: string
  status: ApiClientStatus
  /** `expires-soon` for an active client within 30 days of its expiry date, else the status (as the pages' tag). */
  tag: ApiClientTag
  expiresOn: string
  /** The first 4 characters after the prefix of its newest token: enough to match a leaked token. */
  tokenHint: string
  creator: { name: string; email: string }
  createdAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
}

/** The statuses `list --status` filters by, as SQL at `now` (the same rule as apiClientStatus). */
function statusCondition(status: ApiClientStatus, now: Date): SQL {
  if (status === 'active') return activeApiClientAt(now)
  if (status === 'revoked') return isNotNull(apiClients.revokedAt)
  return and(isNull(apiClients.revokedAt), lt(apiClients.expiresOn, ukDate(now))) as SQL
}

const newestTokenHint = sql<string>`(select ${apiClientTokens.tokenHint} from ${apiClientTokens}
  where ${apiClientTokens.clientId} = ${apiClients.id}
  order by ${apiClientTokens.createdAt} desc, ${apiClientTokens.id} desc limit 1)`

async function selectClients(db: Database, where: SQL | undefined, now: Date): Promise<CliClient[]> {
  const rows = await db
    .select({ client: apiClients, hint: newestTokenHint, creator: users })
    .from(apiClients)
    .innerJoin(users, eq(users.id, apiClients.createdById))
    .where(and(visibleApiClients(commandLine), where))
    .orderBy(asc(sql`lower(${apiClients.name})`), asc(apiClients.createdAt), asc(apiClients.id))
  return rows.map(({ client, hint, creator }) => ({
    id: client.id,
    name: client.name,
    status: apiClientStatus(client, now),
    tag: apiClientTag(client, now),
    expiresOn: client.expiresOn,
    tokenHint: hint,
    creator: { name: shownName(creator), email: creator.email },
    createdAt: client.createdAt,
    lastUsedAt: client.lastUsedAt,
    revokedAt: client.revokedAt,
  }))
}

/** Every client that is not deleted, by name ignoring case, optionally only one creator's or one status's. */
export function listCliClients(db: Database, filter: { creatorId?: string; status?: ApiClientStatus }, now: Date): Promise<CliClient[]> {
  return selectClients(
    db,
    and(filter.creatorId ? eq(apiClients.createdById, filter.creatorId) : undefined, filter.status ? statusCondition(filter.status, now) : undefined),
    now,
  )
}

/** One client that is not deleted, or undefined: unknown ids, deleted clients and non-ids alike (the pages' 404). */
export async function findCliClient(db: Database, id: string, now: Date): Promise<CliClient | undefined> {
  if (!isUuid(id)) return undefined
  const [client] = await selectClients(db, eq(apiClients.id, id), now)
  return client
}

/** When a client's replaced token stops, if it still works at `now` (a regeneration's overlap). */
export async function previousTokenStopsAt(db: Database, clientId: string, now: Date): Promise<Date | null> {
  const [token] = await db
    .select({ stopsAt: apiClientTokens.stopsAt })
    .from(apiClientTokens)
    .where(and(eq(apiClientTokens.clientId, clientId), gt(apiClientTokens.stopsAt, now)))
    .orderBy(desc(apiClientTokens.stopsAt))
    .limit(1)
  return token?.stopsAt ?? null
}

/** A user who is not deleted, by email address ignoring case, for --creator. */
export async function findUserByEmail(db: Database, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${email.trim()})`, isNull(users.deletedAt)))
  return user
}
