import { formatDate, formatDateTime } from '@/lib/dates'
import { statusTags } from '../status'
import { formatFields, formatTable } from './output'
import type { CliClient } from './read'

/**
 * A client as JSON: stable field names, ISO 8601 dates and instants, null for what has not happened. Scripts
 * read these, so a field is only ever added, never renamed or removed (docs/product/command-line.md).
 */
export function clientJson(client: CliClient, extra: { previousTokenStopsAt?: Date | null } = {}) {
  return {
    id: client.id,
    name: client.name,
    status: client.status,
    expiresSoon: client.tag === 'expires-soon',
    expiresOn: client.expiresOn,
    tokenHint: client.tokenHint,
    creator: client.creator,
    createdAt: client.createdAt.toISOString(),
    lastUsedAt: client.lastUsedAt?.toISOString() ?? null,
    revokedAt: client.revokedAt?.toISOString() ?? null,
    ...('previousTokenStopsAt' in extra ? { previousTokenStopsAt: extra.previousTokenStopsAt?.toISOString() ?? null } : {}),
  }
}

/** A client's details as aligned text, with the pages' words for its status and dates. */
export function clientText(client: CliClient, extra: { previousTokenStopsAt?: Date | null } = {}): string {
  return formatFields([
    ['ID', client.id],
    ['Client name', client.name],
    ['Status', statusTags[client.tag].text],
    ['Expiry date', formatDate(client.expiresOn)],
    ['Token hint', client.tokenHint],
    ['Created by', `${client.creator.name} <${client.creator.email}>`],
    ['Date added', formatDateTime(client.createdAt)],
    ['Last used', client.lastUsedAt ? formatDateTime(client.lastUsedAt) : 'Never'],
    ['Revoked', client.revokedAt ? formatDateTime(client.revokedAt) : undefined],
    ['Previous token stops working', extra.previousTokenStopsAt ? formatDateTime(extra.previousTokenStopsAt) : undefined],
  ])
}

/** Clients as an aligned table, one a line, or a sentence when there are none. */
export function clientsTable(clients: CliClient[]): string {
  if (clients.length === 0) return 'No API clients.\n'
  return formatTable(
    ['ID', 'Status', 'Expiry date', 'Creator', 'Client name'],
    clients.map((client) => [client.id, statusTags[client.tag].text, formatDate(client.expiresOn), client.creator.email, client.name]),
  )
}
