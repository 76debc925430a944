import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { ApiClientSearch } from '@/components/api-client-search'
import { ApiClientStatusTag } from '@/components/api-client-status-tag'
import { FormErrorSummary } from '@/components/form-error-summary'
import { Button } from '@/components/govuk/button'
import { TableRegion } from '@/components/table-region'
import { PageTitle } from '@/components/page-title'
import { PaginatedResults } from '@/components/paginated-results'
import { SuccessBanner } from '@/components/success-banner'
import { countVisibleApiClients, listApiClients } from '@/lib/api-clients/load'
import { apiClientsPerPage } from '@/lib/api-clients/queries'
import { listHref, parseClientSearch, searchBoxValue, searchResultsHeading, searchedFor } from '@/lib/api-clients/search'
import { requireUser } from '@/lib/auth/current-user'
import { hasGeneralAccess } from '@/lib/auth/roles'
import { systemClock } from '@/lib/clock'
import { formatDate, formatShortDate, ukDate } from '@/lib/dates'
import { readFlash } from '@/lib/flash'
import { parsePageNumber, totalPages } from '@/lib/pagination'

type Props = { searchParams: Promise<{ page?: string | string[]; q?: string | string[] }> }

/** API clients: every client for general-access users, only their own for API-only users, and a search of them. */
export default async function ApiClientsPage({ searchParams }: Props) {
  const viewer = await requireUser()
  const params = await searchParams
  const page = parsePageNumber(params.page)
  const parsed = parseClientSearch(params.q)
  const search = parsed.ok ? parsed.search : undefined
  // A whole token pasted in is searched by its start alone: the address keeps no more of it than that.
  if (search?.kind === 'token' && params.q !== searchedFor(search)) redirect(listHref(search, page))
  const { items, total } = await listApiClients(viewer, page, systemClock(), search)
  const all = search ? await countVisibleApiClients(viewer) : total
  const heading = all > 0 ? `API clients (${all})` : 'API clients'
  const pages = totalPages({ perPage: apiClientsPerPage, total })
  // A page after the last is the 404 page, as for Users and Activity (the proxy renders it whole: lib/auth/page-access.ts).
  if (page > pages) notFound()
  const showCreator = hasGeneralAccess(viewer)
  // 'API client deleted' arrives here, since a deleted client's own page is gone.
  const flash = await readFlash('/api-clients')
  const searchError = parsed.ok ? undefined : parsed.message

  return (
    <>
      <PageTitle title={pages > 1 ? `${heading} (page ${page} of ${pages})` : heading} hasErrors={Boolean(searchError)} />
      <FormErrorSummary summary={searchError ? [{ href: '#q', text: searchError }] : []} />
      {flash ? <SuccessBanner heading={flash} /> : null}
      <h1 className="govuk-heading-l">{heading}</h1>
      <Button text="Add API client" href="/api-clients/new" />
      {all > 0 || search || searchError ? (
        <ApiClientSearch value={searchBoxValue(params.q, search)} error={searchError} showCreator={showCreator} />
      ) : null}
      {search ? <h2 className="govuk-heading-m">{searchResultsHeading(total, search)}</h2> : null}
      {total === 0 ? (
        search ? (
          <p className="govuk-body">
            Check the spelling or search for something else, or{' '}
            <Link className="govuk-link" href="/api-clients">
              clear the search
            </Link>
            .
          </p>
        ) : (
          <p className="govuk-body">There are no API clients.</p>
        )
      ) : (
        <>
          <TableRegion
            caption={search ? searchResultsHeading(total, search) : 'API clients'}
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
          <PaginatedResults window={{ page, perPage: apiClientsPerPage, total }} href={(number) => listHref(search, number)} />
        </>
      )}
    </>
  )
}
