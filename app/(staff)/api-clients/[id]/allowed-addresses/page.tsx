import { redirect } from 'next/navigation'
import { allowedAddressesId } from '@/components/allowed-addresses-field'
import { allowedAddressesText } from '@/lib/api-clients/allowed-addresses'
import { loadApiClientForPage } from '@/lib/api-clients/load'
import { initialFormState } from '@/lib/forms/form-state'
import { saveAllowedAddresses } from './actions'
import { AllowedAddressesForm } from './allowed-addresses-form'

type Props = { params: Promise<{ id: string }> }

/** Change allowed IP addresses (docs/product/api-clients.md). Only active clients can be changed; others show their page. */
export default async function AllowedAddressesPage({ params }: Props) {
  const { id } = await params
  const { client } = await loadApiClientForPage(id)
  const path = `/api-clients/${client.id}`
  if (client.status !== 'active') redirect(path)
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <AllowedAddressesForm
          action={saveAllowedAddresses.bind(null, client.id)}
          initialState={initialFormState({ [allowedAddressesId]: allowedAddressesText(client.allowedAddresses) })}
          clientName={client.name}
          cancelHref={path}
          permalink={`${path}/allowed-addresses`}
        />
      </div>
    </div>
  )
}
