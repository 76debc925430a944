import type { Database } from '@/db'
import type { CurrentUser } from '@/lib/auth/roles'
import { applyChange, forgettingAfterwards, lockVisibleClient, type ChangeResult } from './commands'
import { apiClientStatus } from './status'

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((range, index) => range === b[index])

/**
 * Replaces the allowed IP addresses of an active client the person may manage (canonical ranges from
 * parseAllowedAddresses; empty allows any address), recording old and new lists. Like a rename it goes
 * through applyChange, so the revision and the notice to every instance's token cache are in the same
 * transaction: the next request on any instance is checked against the new list. The same list records nothing.
 */
export async function changeAllowedAddresses(
  db: Database,
  input: { id: string; allowedAddresses: string[]; actor: CurrentUser; at: Date },
): Promise<ChangeResult> {
  const change = db.transaction(async (tx): Promise<ChangeResult> => {
    const client = await lockVisibleClient(tx, input.actor, input.id)
    if (!client) return { outcome: 'not-found' }
    if (apiClientStatus(client, input.at) !== 'active') return { outcome: 'not-active', client }
    if (sameList(client.allowedAddresses, input.allowedAddresses)) return { outcome: 'unchanged', client }
    return applyChange(tx, client, input, {
      action: 'updated',
      set: { allowedAddresses: input.allowedAddresses },
      changes: { allowedAddresses: { from: client.allowedAddresses, to: input.allowedAddresses } },
    })
  })
  return forgettingAfterwards(input.id, change)
}
