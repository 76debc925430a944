import 'server-only'
import type { ClientNameResult } from '@/lib/api-clients/client-name'
import type { ApiClientDetails } from '@/lib/api-clients/details'
import { checkClientName } from '@/lib/api-clients/load'
import { formStateWithErrors, initialFormState, type FormState } from '@/lib/forms/form-state'

export type RenameValues = { name: string }
export type RenameState = FormState<RenameValues>

/**
 * Checks a new name for a client as the Add form checks a name (docs/product/api-clients.md). Uniqueness is
 * among the client's creator's other live clients: a general-access user renaming someone else's client must
 * not be blocked by, or collide with, their own clients' names.
 */
export async function validateNewClientName(client: ApiClientDetails, raw: string): Promise<ClientNameResult> {
  return checkClientName(client.createdById, raw, client.id)
}

/** The form state for a name as typed: its error when it has one, else none. */
export function renameFormState(typed: string, result: ClientNameResult): RenameState {
  const values = { name: typed }
  return result.ok ? initialFormState(values) : formStateWithErrors(values, { name: result.message }, ['name'])
}
