'use server'

import { notFound, redirect } from 'next/navigation'
import { z } from 'zod'
import { allowedAddressesId } from '@/components/allowed-addresses-field'
import { parseAllowedAddresses } from '@/lib/api-clients/allowed-addresses'
import { changeAllowedAddresses, findApiClient } from '@/lib/api-clients/load'
import { staffFormAction } from '@/lib/auth/staff-action'
import { systemClock } from '@/lib/clock'
import { setFlash } from '@/lib/flash'
import { checkedField } from '@/lib/forms/form-schema'
import { formStateWithErrors, readFields, type FormState } from '@/lib/forms/form-state'

/** The allowed IP addresses as typed. */
export type AllowedAddressesValues = { [allowedAddressesId]: string }
export type AllowedAddressesState = FormState<AllowedAddressesValues>

const allowedAddresses = checkedField((raw) => {
  const result = parseAllowedAddresses(raw)
  return result.ok ? { ok: true, value: result.addresses } : result
})

/**
 * Change allowed IP addresses, Save changes: one question, so it saves at once (no check-answers step), through
 * the same command as every change to a client (locked, recorded, announced to every instance's token cache).
 * Who may change it is decided as for renaming: the command finds only clients the person may manage, and an
 * expired or revoked client sends the person back to its page, even when the form is posted directly.
 */
export const saveAllowedAddresses = staffFormAction(
  {
    read: (formData): AllowedAddressesValues => readFields(formData, [allowedAddressesId]),
    schema: async (user, clientId: string) => {
      const client = await findApiClient(user, clientId, systemClock())
      if (!client) notFound()
      if (client.status !== 'active') redirect(`/api-clients/${client.id}`)
      return z.object({ [allowedAddressesId]: allowedAddresses }).transform((answers) => ({ clientId: client.id, ranges: answers[allowedAddressesId] }))
    },
    stateOf: (values, errors) => formStateWithErrors(values, errors, [allowedAddressesId]),
  },
  async (user, answers, _values, _clientId: string) => {
    const path = `/api-clients/${answers.clientId}`
    const { outcome } = await changeAllowedAddresses({ id: answers.clientId, allowedAddresses: answers.ranges, actor: user, at: systemClock() })
    if (outcome === 'not-found') notFound()
    if (outcome === 'changed') await setFlash('api-client-updated', path)
    redirect(path)
  },
)
