import { redirect } from 'next/navigation'
import { loadApiClientForPage } from '@/lib/api-clients/load'
import { ConfirmChange } from '@/components/confirm-change'
import { revokeApiClientAction } from './actions'

type Props = { params: Promise<{ id: string }> }

/** Confirm revoking an API client (docs/product/api-clients.md); only an active client can be revoked. */
export default async function RevokeApiClientPage({ params }: Props) {
  const { id } = await params
  const { client } = await loadApiClientForPage(id)
  const path = `/api-clients/${client.id}`
  if (client.status !== 'active') redirect(path)
  return (
    <ConfirmChange
      caption="Revoke API client"
      heading={`Confirm you want to revoke ${client.name}`}
      warning="Revoking an API client is permanent – you cannot undo it."
      buttonText="Revoke API client"
      action={revokeApiClientAction.bind(null, client.id)}
      cancelHref={path}
      permalink={`${path}/revoke`}
    />
  )
}
