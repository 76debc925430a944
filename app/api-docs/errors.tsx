import { Details } from '@/components/govuk/details'
import { TableRegion } from '@/components/table-region'
import { paging } from '@/lib/providers/list-query'
import { Code, CodeBlock } from './code-block'
import { errorExamples } from './error-examples'

const statuses: [string, string][] = [
  ['400 Bad Request', 'A query parameter is unknown, given twice, or has a value it cannot have. invalid_params names each one and why.'],
  ['401 Unauthorized', 'The token is missing, malformed, unknown, expired or revoked. The response does not say which.'],
  [
    '403 Forbidden',
    'The token is valid, but its API client accepts requests only from certain IP addresses and this request came from another. Ask the person who manages the client which addresses it allows.',
  ],
  [
    '404 Not Found',
    'There is no such provider, or it is archived or deleted; or the path does not exist (a trailing slash makes a different path). Every path answers 404 while the API is switched off in an incident.',
  ],
  ['405 Method Not Allowed', 'The method is not GET, HEAD or OPTIONS: the API is read-only. Allow lists the methods.'],
  ['410 Gone', 'The change feed cannot carry on from this cursor. Start again without a cursor.'],
  ['429 Too Many Requests', 'You made too many requests this minute. Wait for the number of seconds in Retry-After.'],
  ['500 Internal Server Error', 'Something went wrong on our side.'],
  ['503 Service Unavailable', 'The register cannot be reached just now. Try again after the number of seconds in Retry-After.'],
]

/** Errors, with an example of each, rate limits and the headers every response carries. */
export async function ErrorsAndLimits() {
  const examples = await errorExamples()
  return (
    <>
      <h2 className="govuk-heading-m" id="errors">
        Errors
      </h2>
      <p className="govuk-body">
        Errors are <Code>application/problem+json</Code> (RFC 9457), with the HTTP <Code>status</Code>, a <Code>title</Code>, usually a{' '}
        <Code>detail</Code> for people to read, and a <Code>request_id</Code>. Quote the <Code>request_id</Code> if you contact us about an error.
      </p>
      <TableRegion
        caption="Error responses"
        captionClasses="govuk-table__caption--s"
        firstCellIsHeader
        head={[{ text: 'Status' }, { text: 'When' }]}
        rows={statuses.map(([status, when]) => [{ text: status }, { text: when }])}
      />
      <h3 className="govuk-heading-s">An example of each error</h3>
      {examples.map((example) => (
        <Details key={`${example.status} ${example.request}`} summaryText={`${example.status}: ${example.request}`}>
          <CodeBlock>{example.response}</CodeBlock>
        </Details>
      ))}

      <h2 className="govuk-heading-m" id="rate-limits">
        Rate limits
      </h2>
      <p className="govuk-body">
        Each API client may make 300 requests a minute. Requests refused for their token are limited to 100 a minute from each IP address; they never use up a valid token’s allowance, even from the same address. Responses
        carry <Code>RateLimit-Limit</Code>, <Code>RateLimit-Remaining</Code> and <Code>RateLimit-Reset</Code> (seconds until the count starts again).
        Over the limit, the answer is <Code>429 Too Many Requests</Code> with <Code>Retry-After</Code>. Ask for up to {paging.maxPerPage} providers a
        page to fetch the whole register in a few requests.
      </p>

      <h2 className="govuk-heading-m" id="caching">
        Caching and request ids
      </h2>
      <p className="govuk-body">
        Every response has <Code>Cache-Control: no-store</Code>: do not keep register data in shared caches, and ask again for fresh data (with{' '}
        <Code>If-None-Match</Code>, so an unchanged answer costs only headers: see{' '}
        <a className="govuk-link" href="#sync-not-modified">
          Not modified: 304
        </a>
        ). Every response also has an <Code>X-Request-Id</Code> header, the same as the <Code>request_id</Code> of an error.
      </p>
    </>
  )
}
