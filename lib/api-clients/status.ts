import { sql, type SQL } from 'drizzle-orm'
import { apiClients } from '@/db/schema'
import { addDays, ukDate } from '@/lib/dates'

export type ApiClientStatus = 'active' | 'expired' | 'revoked'

/** What the status tag shows: the status, except that an active client near its expiry date says so. */
export type ApiClientTag = ApiClientStatus | 'expires-soon'

/** An active client is `Expires soon` from the day its first expiry reminder is due (lib/reminders/schedule.ts). */
export const expiresSoonDays = 30

/**
 * A client's status, computed from its data and the UK date, so no nightly job is needed: revoked once
 * revoked; expired from 00:00 UK time on the day after its expiry date; otherwise active.
 */
export function apiClientStatus(client: { revokedAt: Date | null; expiresOn: string }, now: Date): ApiClientStatus {
  if (client.revokedAt) return 'revoked'
  return client.expiresOn < ukDate(now) ? 'expired' : 'active'
}

/**
 * The same rule in SQL: the `api_clients` rows that `apiClientStatus` calls active at `now` (not revoked, and
 * not past their expiry date in the UK). Whether a client is deleted is a separate question (visibility).
 */
export function activeApiClientAt(now: Date): SQL {
  return sql`(${apiClients.revokedAt} is null and ${apiClients.expiresOn} >= ${ukDate(now)})`
}

/**
 * The tag for a client: `Expires soon` while it is active and its expiry date is at most 30 days away
 * (UK dates), so it appears on the day the 30-day reminder is sent; otherwise its status.
 */
export function apiClientTag(client: { revokedAt: Date | null; expiresOn: string }, now: Date): ApiClientTag {
  const status = apiClientStatus(client, now)
  if (status === 'active' && client.expiresOn <= addDays(ukDate(now), expiresSoonDays)) return 'expires-soon'
  return status
}

/** Tag text and colour for each status (docs/product/api-clients.md). */
export const statusTags: Record<ApiClientTag, { text: string; classes: string }> = {
  active: { text: 'Active', classes: 'govuk-tag--teal' },
  'expires-soon': { text: 'Expires soon', classes: 'govuk-tag--yellow' },
  expired: { text: 'Expired', classes: 'govuk-tag--grey' },
  revoked: { text: 'Revoked', classes: 'govuk-tag--orange' },
}
