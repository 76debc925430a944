import type { Metadata } from 'next'
import { PageTitle } from '@/components/page-title'
import { env } from '@/lib/env'
import { Authentication } from './authentication'
import { Code, CodeBlock } from './code-block'
import { Endpoints } from './endpoints'
import { ErrorsAndLimits } from './errors'
import { Policies } from './policies'
import { SyncGuide } from './sync-guide'

export const metadata: Metadata = { description: 'How to use the Register of training providers API' }

const contents = [
  ['#authentication', 'Authentication'],
  ['#endpoints', 'Endpoints'],
  ['#sync-guide', 'Keeping a copy of the register'],
  ['#errors', 'Errors'],
  ['#rate-limits', 'Rate limits'],
  ['#caching', 'Caching and request ids'],
  ['#example', 'Example with curl'],
  ['#environments', 'Environments and base URLs'],
  ['#versioning', 'Versioning and deprecation'],
  ['#changelog', 'Changelog'],
  ['#contact', 'Contact'],
]

/** API documentation for developers of systems that read the register. Public: no sign-in needed. */
export default function ApiDocumentationPage() {
  // The address this service is configured to be reached at, so the curl example can be pasted as it is.
  const origin = env().NEXTAUTH_URL?.replace(/\/$/, '') ?? 'http://localhost:3000'
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title="API documentation" />
        <h1 className="govuk-heading-l">API documentation</h1>
        <p className="govuk-body-l">
          The Register of training providers API lets your systems read the register of teacher training providers in England.
        </p>
        <p className="govuk-body">It is read-only and returns JSON. The current version is v1, at /api/v1.</p>
        <h2 className="govuk-heading-s">Contents</h2>
        <ul className="govuk-list">
          {contents.map(([href, text]) => (
            <li key={href}>
              <a className="govuk-link" href={href}>
                {text}
              </a>
            </li>
          ))}
        </ul>
        <Authentication />
        <Endpoints />
        <SyncGuide />
        <ErrorsAndLimits />
        <h2 className="govuk-heading-m" id="example">
          Example with curl
        </h2>
        <p className="govuk-body">
          With your token in the environment variable <Code>ROTP_TOKEN</Code>, this fetches the first 500 changes of the feed; carry on with the{' '}
          <Code>links.next</Code> it returns:
        </p>
        <CodeBlock>
          {`curl --fail-with-body \\\n  --header "Authorization: Bearer $ROTP_TOKEN" \\\n  "${origin}/api/v1/providers/changes?per_page=500"`}
        </CodeBlock>
        <Policies values={env()} />
      </div>
    </div>
  )
}
