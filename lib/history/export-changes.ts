import type { Revision } from '@/db/schema'
import { revokedReasonText } from './revoked-reasons'
import { apiClientChangesSchema, userChangesSchema } from './snapshots'

// The changed fields in the words of the pages, in the order a reader looks for them.
const clientFields = {
  name: 'Client name',
  expiresOn: 'Expiry date',
  tokenHint: 'Token starts',
  revokedAt: 'Revoked at',
  revokedReason: 'Reason',
  foundAtUrl: 'Found in public at',
  deletedAt: 'Deleted at',
  previousTokenStopsAt: 'Previous token stops at',
  allowedAddresses: 'Allowed IP addresses',
  createdById: 'Created by (ID)',
} as const

const userFields = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email address',
  apiUser: 'API-only user',
  active: 'Active',
  deletedAt: 'Deleted at',
} as const

function shown(value: unknown): string {
  if (value === null || value === undefined) return 'none'
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  // An allowlist: its ranges on one line, and an empty one as the details page says it.
  if (Array.isArray(value)) return value.length === 0 ? 'Any address' : value.join(', ')
  return String(value)
}

function linesOf<Field extends string>(labels: Record<Field, string>, changes: Partial<Record<Field, { from: unknown; to: unknown }>>): string[] {
  return (Object.keys(labels) as Field[]).flatMap((field) => {
    const change = changes[field]
    if (!change) return []
    // A system revocation's reason is recorded as a code; the file says it as the History card does.
    const to = field === 'revokedReason' && typeof change.to === 'string' ? revokedReasonText(change.to) : shown(change.to)
    return [`${labels[field]}: ${shown(change.from)} → ${to}`]
  })
}

/**
 * A revision's changed fields, one line each, `Client name: Old → New`: one cell a spreadsheet shows whole,
 * whichever fields changed. Read with the schemas the commands write with, so nothing else (no hash) can appear.
 */
export function changeLines(revision: Pick<Revision, 'entityType' | 'changes'>): string[] {
  if (revision.entityType === 'user') return linesOf(userFields, userChangesSchema.parse(revision.changes))
  return linesOf(clientFields, apiClientChangesSchema.parse(revision.changes))
}
