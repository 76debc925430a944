import { formatDate, formatDateTime } from '@/lib/dates'
import { apiClientHistory, type ActivityItem } from '@/lib/history/activity'
import { defineCommand } from './command'
import { exitCodes, fail, formatFields, printJson } from './output'
import { findCliClient } from './read'
import { clientNotFound } from './show'
import { revokedReasonText } from '@/lib/history/revoked-reasons'

/** Who made a change, as the History card names them: the system's changes say `System`. */
const actorOf = (item: ActivityItem) => item.actorName ?? 'System'

/** One history item as JSON: stable fields, ISO dates, null for what does not apply to it. */
function itemJson(item: ActivityItem) {
  if (item.subject !== 'api-client') throw new Error('an API client history holds only API client items')
  return {
    id: item.id,
    at: item.at.toISOString(),
    action: item.action,
    title: item.title,
    actor: actorOf(item),
    clientName: item.clientName,
    expiresOn: item.expiresOn,
    previousName: item.previousName ?? null,
    previousTokenStopsAt: item.previousTokenStopsAt?.toISOString() ?? null,
    reason: item.revokedReason ?? null,
    foundAtUrl: item.foundAtUrl ?? null,
  }
}

function itemText(item: ReturnType<typeof itemJson>): string {
  const fields = formatFields([
    ['By', item.actor],
    ['Old client name', item.previousName ?? undefined],
    [item.previousName === null ? 'Client name' : 'New client name', item.clientName],
    ['Expiry date', formatDate(item.expiresOn)],
    ['Previous token stops working', item.previousTokenStopsAt ? formatDateTime(new Date(item.previousTokenStopsAt)) : undefined],
    ['Reason', item.reason ? revokedReasonText(item.reason, item.foundAtUrl) : undefined],
  ])
  const indented = fields.replace(/^(?=.)/gm, '  ')
  return `${formatDateTime(new Date(item.at))}  ${item.title}\n${indented}`
}

/** `history ID`: every change to a client that is not deleted, newest first, as its History section shows them. */
export const historyCommand = defineCommand({
  options: [],
  positionals: ['ID'],
  async run({ db, io, clock }, { positionals: [id = ''], format }) {
    const client = await findCliClient(db, id, clock())
    if (!client) return fail(io, exitCodes.notFound, clientNotFound(id))
    const items = (await apiClientHistory(db, client.id)).map(itemJson)
    if (format === 'json') printJson(io, { client: { id: client.id, name: client.name }, history: items })
    else io.out(items.map(itemText).join('\n'))
    return exitCodes.ok
  },
})
