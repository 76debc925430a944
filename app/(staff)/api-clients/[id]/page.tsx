import Link from 'next/link'
import { AllowedAddressesValue } from '@/components/allowed-addresses-value'
import { HistorySection } from '@/components/history-section'
import { ApiClientStatusTag } from '@/components/api-client-status-tag'
import { Button } from '@/components/govuk/button'
import { SummaryList } from '@/components/govuk/summary-list'
import { PageTitle } from '@/components/page-title'
import { loadApiClientForPage } from '@/lib/api-clients/load'
import { formatDate, formatDateTime } from '@/lib/dates'
import { readFlash } from '@/lib/flash'
import { apiClientHistory } from '@/lib/history/load'
import { SuccessBanner } from '@/components/success-banner'
import { UsageSection } from '@/components/usage-section'
import { loadApiClientUsage } from '@/lib/usage/load'

type Props = { params: Promise<{ id: string }> }

/** An API client: its details, what may be done to it, its usage and its history (docs/product/api-clients.md). */
export default async function ApiClientPage({ params }: Props) {
  const { id } = await params
  const { client, now } = await loadApiClientForPage(id)
  const path = `/api-clients/${client.id}`
  const [flash, history, usage] = await Promise.all([readFlash(path), apiClientHistory(client.id), loadApiClientUsage(client.id, now)])
  // Expired and revoked clients cannot be changed, so they offer no Change link, no Regenerate and no Revoke button.
  const active = client.status === 'active'

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={`${client.name} - API client`} />
        {flash ? <SuccessBanner heading={flash} /> : null}
        <span className="govuk-caption-l">API client</span>
        <h1 className="govuk-heading-l govuk-!-margin-bottom-2">
          {client.name} <ApiClientStatusTag status={client.tag} classes="govuk-!-margin-left-1" />
        </h1>
        <p className={`govuk-hint ${client.revoked ? 'govuk-!-margin-bottom-1' : 'govuk-!-margin-bottom-6'}`}>
          Created by {client.creatorName} on {formatDateTime(client.createdAt)}
        </p>
        {client.revoked ? (
          <p className="govuk-hint govuk-!-margin-bottom-6">
            Revoked by {client.revoked.byName} on {formatDateTime(client.revoked.at)}
          </p>
        ) : null}
        <SummaryList
          rows={[
            {
              key: { text: 'Client name' },
              value: { text: client.name },
              actions: active ? { items: [{ href: `${path}/edit`, text: 'Change', visuallyHiddenText: 'client name' }] } : undefined,
            },
            { key: { text: 'Expiry date' }, value: { text: formatDate(client.expiresOn) } },
            {
              key: { text: 'Allowed IP addresses' },
              value: { html: <AllowedAddressesValue addresses={client.allowedAddresses} /> },
              actions: active
                ? { items: [{ href: `${path}/allowed-addresses`, text: 'Change', visuallyHiddenText: 'allowed IP addresses' }] }
                : undefined,
            },
            { key: { text: 'Last used' }, value: { text: client.lastUsedAt ? formatDateTime(client.lastUsedAt) : 'Never' } },
            // Only during a regeneration's overlap: the old token still works, and this says until when.
            ...(client.previousTokenStopsAt
              ? [{ key: { text: 'Previous token works until' }, value: { text: formatDateTime(client.previousTokenStopsAt) } }]
              : []),
          ]}
        />
        <div className="govuk-button-group">
          {active ? <Button text="Regenerate token" classes="govuk-button--secondary" href={`${path}/regenerate`} /> : null}
          {active ? <Button text="Revoke API client" classes="govuk-button--secondary" href={`${path}/revoke`} /> : null}
          <Link className="govuk-link" href={`${path}/delete`}>
            Delete API client
          </Link>
        </div>
        <UsageSection usage={usage} />
        <HistorySection items={history} emptyText="There is no history for this API client." />
      </div>
    </div>
  )
}
