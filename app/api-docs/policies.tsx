import { TableRegion } from '@/components/table-region'
import type { Env } from '@/lib/env'
import { publicBaseUrl } from '@/lib/openapi/served'
import { Code } from './code-block'

/** What changed in the API, newest first. Add a line with every change a client could notice. */
const changelog: [string, string][] = [
  [
    '1 December 2026',
    'New: GET /providers/changes, a change feed with cursors that serves every change once, including removals, so a copy of the register stays exact. /providers, /providers/{id} and /providers/changes send an ETag and answer 304 Not Modified to a matching If-None-Match.',
  ],
  [
    '1 December 2026',
    'Unknown paths and paths with a trailing slash answer a 404 problem, and methods other than GET, HEAD and OPTIONS a 405 problem with Allow, instead of a page or a redirect. The OpenAPI document names its licence and a contact and gives the absolute address of the service. Requests refused for their token no longer use up the allowance of a valid token from the same address.',
  ],
  ['v1', 'The first version: /info, /providers, /providers/{id} and /openapi.json.'],
]

/** Environments, versioning and deprecation, the changelog and who to contact. */
export function Policies({ values }: { values: Pick<Env, 'PUBLIC_URL' | 'NEXTAUTH_URL' | 'NODE_ENV' | 'TOKEN_ENVIRONMENT'> }) {
  const base = publicBaseUrl(values)
  const thisEnvironment = values.TOKEN_ENVIRONMENT === 'live' ? 'Production' : 'Test'
  return (
    <>
      <h2 className="govuk-heading-m" id="environments">
        Environments and base URLs
      </h2>
      <p className="govuk-body">
        Each environment has its own API clients and tokens: a token works only in the environment that issued it. Production tokens start{' '}
        <Code>rotp_live_</Code>; tokens for every other environment start <Code>rotp_test_</Code>. Use a test environment while you build your
        integration; the Department for Education gives you the address of each environment with its token.
      </p>
      <TableRegion
        caption="This environment"
        captionClasses="govuk-table__caption--s"
        firstCellIsHeader
        head={[{ text: 'Environment' }, { text: 'Tokens start' }, { text: 'Base URL' }]}
        rows={[[{ text: thisEnvironment }, { text: `rotp_${values.TOKEN_ENVIRONMENT}_` }, { text: base ? `${base}/api/v1` : '/api/v1 on this site' }]]}
      />

      <h2 className="govuk-heading-m" id="versioning">
        Versioning and deprecation
      </h2>
      <p className="govuk-body">
        The version is in the path: <Code>/api/v1</Code>. Within v1 we only add: new endpoints, new optional query parameters and new fields in
        responses. Ignore fields you do not know, and do not rely on the order of fields. A change that could break a client (removing or renaming a
        field, changing its type or meaning, or a new required parameter) comes in a new version, <Code>/api/v2</Code>, beside v1.
      </p>
      <p className="govuk-body">
        When a new version is published, the old one is deprecated: it keeps working, unchanged, for at least 12 months, and the date it will stop is
        announced in the changelog below on the day it is deprecated. A version that does not exist answers 404.
      </p>

      <h2 className="govuk-heading-m" id="changelog">
        Changelog
      </h2>
      <TableRegion
        caption="Changes to the API, newest first"
        captionClasses="govuk-table__caption--s"
        firstCellIsHeader
        head={[{ text: 'Date' }, { text: 'Change' }]}
        rows={changelog.map(([date, change]) => [{ text: date }, { text: change }])}
      />

      <h2 className="govuk-heading-m" id="contact">
        Contact
      </h2>
      <p className="govuk-body">
        Ask the person at the Department for Education who gave you your token. Otherwise,{' '}
        <a className="govuk-link" href="https://www.gov.uk/contact-dfe">
          contact the Department for Education
        </a>
        . About an error, quote its <Code>request_id</Code>.
      </p>
    </>
  )
}
