import { sql, type SQL } from 'drizzle-orm'
import { apiClients } from '@/db/schema'
import { ukDate } from '@/lib/dates'

export type ApiClientStatus = 'active' | 'expired' | 'revoked'

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

/** Tag text and colour for each status (docs/product/api-clients.md). */
export const statusTags: Record<ApiClientStatus, { text: string; classes: string }> = {
  active: { text: 'Active', classes: 'govuk-tag--teal' },
  expired: { text: 'Expired', classes: 'govuk-tag--grey' },
  revoked: { text: 'Revoked', classes: 'govuk-tag--orange' },
}
