import { loadApiClientForPage } from '@/lib/api-clients/load'
import { ConfirmChange } from '@/components/confirm-change'
import { deleteApiClientAction } from './actions'

type Props = { params: Promise<{ id: string }> }

/** Confirm deleting an API client (docs/product/api-clients.md); any status may be deleted. */
export default async function DeleteApiClientPage({ params }: Props) {
  const { id } = await params
  const { client } = await loadApiClientForPage(id)
  return (
    <ConfirmChange
      caption="Delete API client"
      heading={`Confirm you want to delete ${client.name}`}
      warning="Deleting an API client is permanent – you cannot undo it."
      buttonText="Delete API client"
      action={deleteApiClientAction.bind(null, client.id)}
      cancelHref={`/api-clients/${client.id}`}
      permalink={`/api-clients/${client.id}/delete`}
    />
  )
}
