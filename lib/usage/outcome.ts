import type { UsageOutcome } from './counts'

/** What the route wrapper decided about a request, as far as usage needs it (lib/api/admission.ts). */
type Decided = { outcome: 'admitted'; client: { id: string } } | { outcome: 'refused' | 'rate-limited'; clientId?: string; reason?: string }

/**
 * The client a request counts against and how, or undefined for a request no client can be named for (no
 * token, junk, a made-up token, a deleted client's): those belong to nobody's usage. A 429 counts as rate
 * limited whichever bucket was full, as that is what the caller got.
 */
export function usageOf(admission: Decided): { clientId: string; outcome: UsageOutcome } | undefined {
  if (admission.outcome === 'admitted') return { clientId: admission.client.id, outcome: 'succeeded' }
  // A deleted client has no page to show its usage on, so its token's refusals are nobody's.
  if (admission.clientId === undefined || ('reason' in admission && admission.reason === 'deleted')) return undefined
  return { clientId: admission.clientId, outcome: admission.outcome }
}
