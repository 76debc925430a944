import { redirect } from 'next/navigation'
import { SummaryList } from '@/components/govuk/summary-list'
import { WarningText } from '@/components/govuk/warning-text'
import { PageTitle } from '@/components/page-title'
import { readRegenerateDraft } from '@/lib/api-clients/drafts'
import { loadApiClientForPage } from '@/lib/api-clients/load'
import { currentTokenSentence, overlapAnswer, previousTokenSentence } from '@/lib/api-clients/regenerate-words'
import { regenerateToken } from './actions'
import { RegenerateTokenForm } from './regenerate-token-form'

type Props = { params: Promise<{ id: string }> }

/** Regenerate token, step 2: check the answer, then regenerate (docs/product/api-clients.md). */
export default async function CheckRegenerateTokenPage({ params }: Props) {
  const { id } = await params
  const { viewer, client, now } = await loadApiClientForPage(id)
  const path = `/api-clients/${client.id}`
  // Once regenerated the answer is marked used: the form, which knows whether it is showing the new token,
  // sends the person to the client's page. Without any answer (opened directly), step 1 asks for one.
  const overlap = await readRegenerateDraft(viewer.id, client.id)
  if (client.status !== 'active') redirect(path)
  const warning = overlap
    ? [
        'A new token will be created and shown once on the next page.',
        currentTokenSentence(overlap, now, client.expiresOn),
        ...(client.previousTokenStopsAt ? [previousTokenSentence(client.previousTokenStopsAt)] : []),
      ].join(' ')
    : ''
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <RegenerateTokenForm clientId={client.id} action={regenerateToken.bind(null, client.id)} hasAnswers={overlap !== undefined}>
          {overlap ? (
            <>
              <PageTitle title="Check your answers - Regenerate token" />
              <span className="govuk-caption-l">Regenerate token</span>
              <h1 className="govuk-heading-l">Check your answers</h1>
              <SummaryList
                rows={[
                  { key: { text: 'Client name' }, value: { text: client.name } },
                  {
                    key: { text: 'Current token stops working' },
                    value: { text: overlapAnswer(overlap, now, client.expiresOn) },
                    actions: {
                      items: [{ href: `${path}/regenerate?from=check`, text: 'Change', visuallyHiddenText: 'when the current token stops working' }],
                    },
                  },
                ]}
              />
              <WarningText text={warning} />
            </>
          ) : null}
        </RegenerateTokenForm>
      </div>
    </div>
  )
}
