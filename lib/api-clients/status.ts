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

/** Tag text and colour for each status (docs/product/api-clients.md). */
export const statusTags: Record<ApiClientStatus, { text: string; classes: string }> = {
  active: { text: 'Active', classes: 'govuk-tag--teal' },
  expired: { text: 'Expired', classes: 'govuk-tag--grey' },
  revoked: { text: 'Revoked', classes: 'govuk-tag--orange' },
}
