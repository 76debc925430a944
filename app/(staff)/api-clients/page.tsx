import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ApiClientStatusTag } from '@/components/api-client-status-tag'
import { Button } from '@/components/govuk/button'
import { TableRegion } from '@/components/table-region'
import { PageTitle } from '@/components/page-title'
import { PaginatedResults } from '@/components/paginated-results'
import { SuccessBanner } from '@/components/success-banner'
import { listApiClients } from '@/lib/api-clients/load'
import { apiClientsPerPage } from '@/lib/api-clients/queries'
import { requireUser } from '@/lib/auth/current-user'
import { hasGeneralAccess } from '@/lib/auth/roles'
import { systemClock } from '@/lib/clock'
import { formatDate, formatShortDate, ukDate } from '@/lib/dates'
import { readFlash } from '@/lib/flash'
import { parsePageNumber, totalPages } from '@/lib/pagination'

type Props = { searchParams: Promise<{ page?: string | string[] }> }

/** API clients: every client for general-access users, only their own for API-only users. */
export default async function ApiClientsPage({ searchParams }: Props) {
  const viewer = await requireUser()
  const page = parsePageNumber((await searchParams).page)
  const { items, total } = await listApiClients(viewer, page, systemClock())
  const heading = total > 0 ? `API clients (${total})` : 'API clients'
  const pages = totalPages({ perPage: apiClientsPerPage, total })
  // A page after the last is the 404 page, as for Users and Activity (the proxy renders it whole: lib/auth/page-access.ts).
  if (page > pages) notFound()
  const showCreator = hasGeneralAccess(viewer)
  // 'API client deleted' arrives here, since a deleted client's own page is gone.
  const flash = await readFlash('/api-clients')

  return (
    <>
      <PageTitle title={pages > 1 ? `${heading} (page ${page} of ${pages})` : heading} />
      {flash ? <SuccessBanner heading={flash} /> : null}
      <h1 className="govuk-heading-l">{heading}</h1>
      <Button text="Add API client" href="/api-clients/new" />
      {total === 0 ? (
        <p className="govuk-body">There are no API clients.</p>
      ) : (
        <>
          <TableRegion
            caption="API clients"
            captionClasses="govuk-visually-hidden"
            head={[{ text: 'Client name' }, { text: 'Expires on' }, { text: 'Status' }, { text: 'Last used' }]}
            rows={items.map((client) => [
              {
                html: (
                  <>
                    <Link className="govuk-link" href={`/api-clients/${client.id}`}>
                      {client.name}
                    </Link>
                    {showCreator ? <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">{client.creatorName}</span> : null}
                  </>
                ),
              },
              { text: formatDate(client.expiresOn) },
              { html: <ApiClientStatusTag status={client.tag} /> },
              // A short date, no time: the column must fit a 320 px screen; the client's page has the time.
              { text: client.lastUsedAt ? formatShortDate(ukDate(client.lastUsedAt)) : 'Never' },
            ])}
          />
          <PaginatedResults window={{ page, perPage: apiClientsPerPage, total }} href={(number) => `/api-clients?page=${number}`} />
        </>
      )}
    </>
  )
}
