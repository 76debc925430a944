import { Details } from '@/components/govuk/details'
import { TableRegion } from '@/components/table-region'
import { accreditationStatuses, providerTypes } from '@/db/schema/register'
import { paging } from '@/lib/providers/list-query'
import { Code, CodeBlock } from './code-block'
import { exampleChangesResponse, exampleListResponse, exampleProviderResponse } from './examples'

const parameterRows = [
  [
    'changed_since',
    'Only providers whose data changed at or after this moment. An ISO 8601 date (midnight UTC), like 2026-09-14, or a date and time with a time zone, like 2026-09-14T11:34:56Z. Send a + in a time zone as %2B.',
  ],
  [
    'academic_year',
    'Only providers active in the academic year that starts on 1 August of this year and ends on 31 July of the next. 4 digits, like 2026.',
  ],
  ['provider_type', `Only providers of this type: ${providerTypes.join(', ')}.`],
  ['accreditation_status', `Only ${accreditationStatuses.join(' or ')} providers.`],
  ['page', `The page to return, from 1 (the default) to ${paging.maxPage.toLocaleString('en-GB')}. A page after the last one is empty.`],
  ['per_page', `Providers on a page, from 1 to ${paging.maxPerPage}. The default is ${paging.defaultPerPage}.`],
].map(([name = '', description = '']) => [{ html: <Code>{name}</Code> }, { text: description }])

/** The endpoints, their parameters, and example responses. */
export function Endpoints() {
  return (
    <>
      <h2 className="govuk-heading-m" id="endpoints">
        Endpoints
      </h2>
      <p className="govuk-body">
        All endpoints answer <Code>GET</Code> requests with JSON. Times are in UTC, in ISO 8601 format. Archived and deleted providers are never
        included, and neither are provider contacts, which are personal data.
      </p>

      <h3 className="govuk-heading-s">GET /api/v1/providers</h3>
      <p className="govuk-body">
        A page of providers, ordered by <Code>updated_at</Code> and then <Code>id</Code>, with their accreditations, addresses and academic years.
      </p>
      <TableRegion
        caption="Query parameters, all optional"
        captionClasses="govuk-table__caption--s"
        firstCellIsHeader
        head={[{ text: 'Parameter' }, { text: 'What it does' }]}
        rows={parameterRows}
      />
      <p className="govuk-body">
        Any other parameter, or one given twice, gets a 400 response naming it, so a misspelt filter is never silently ignored.
      </p>
      <p className="govuk-body">
        The response has <Code>data</Code> (the providers), <Code>links</Code> to the <Code>self</Code>, <Code>first</Code>, <Code>prev</Code>,{' '}
        <Code>next</Code> and <Code>last</Code> pages, keeping your filters, and <Code>meta</Code> with the <Code>page</Code>, <Code>per_page</Code>,{' '}
        <Code>total_count</Code> and <Code>total_pages</Code>. Links are paths on this service, like{' '}
        <Code>/api/v1/providers?page=2&amp;per_page=100</Code>: add them to the address you called. <Code>prev</Code> is null on the first page and{' '}
        <Code>next</Code> is null on the last.
      </p>
      <p className="govuk-body">
        Numbered pages are for browsing and one-off reads. They shift when providers change between two requests, archived and deleted providers
        simply stop appearing, and <Code>updated_at</Code> (which also changes when a provider’s accreditations, addresses or academic years do) is
        when the change began, not when it was committed. So a copy kept with <Code>changed_since</Code> can miss providers or keep ones that have
        gone: to keep a copy, use the change feed below, as{' '}
        <a className="govuk-link" href="#sync-guide">
          Keeping a copy of the register
        </a>{' '}
        explains.
      </p>
      <Details summaryText="Example response">
        <p className="govuk-body">
          For <Code>/api/v1/providers?provider_type=scitt&amp;page=2&amp;per_page=1</Code>:
        </p>
        <CodeBlock>{exampleListResponse}</CodeBlock>
      </Details>

      <h3 className="govuk-heading-s">GET /api/v1/providers/&#123;id&#125;</h3>
      <p className="govuk-body">
        One provider, by its <Code>id</Code>, as <Code>{'{ "data": provider }'}</Code>. An id that is unknown, is not a UUID, or belongs to an
        archived or deleted provider gets a 404 response.
      </p>
      <Details summaryText="Example response">
        <CodeBlock>{exampleProviderResponse}</CodeBlock>
      </Details>

      <h3 className="govuk-heading-s">GET /api/v1/providers/changes</h3>
      <p className="govuk-body">
        The change feed, for keeping a copy of the register. Parameters: <Code>cursor</Code>, the <Code>meta.next_cursor</Code> of the last page you
        applied (leave it out to start from the beginning), and <Code>per_page</Code>, from 1 to {paging.maxPerPage} (the default is{' '}
        {paging.defaultPerPage}). <Code>data</Code> lists changes in the order to apply them: <Code>updated</Code> with the provider, or{' '}
        <Code>removed</Code> for one archived or deleted. <Code>meta.has_more</Code> says whether to follow <Code>links.next</Code> now. A cursor that
        is damaged gets a 400; one the register cannot carry on from gets a 410. Both mean: start again without a cursor.
      </p>
      <Details summaryText="Example response">
        <CodeBlock>{exampleChangesResponse}</CodeBlock>
      </Details>

      <h3 className="govuk-heading-s">GET /api/v1/info</h3>
      <p className="govuk-body">
        Checks that the API is up and your token works. It returns the name of your API client, the date its token expires (<Code>expires_on</Code>)
        and, for an old token after a regeneration, when it stops working (<Code>token_stops_at</Code>, otherwise <Code>null</Code>).
      </p>

      <h3 className="govuk-heading-s">GET /api/v1/openapi.json</h3>
      <p className="govuk-body">
        The{' '}
        <a className="govuk-link" href="/api/v1/openapi.json">
          OpenAPI 3.1 description of the API
        </a>
        , for code generators and API tools. It needs no token.
      </p>
    </>
  )
}
