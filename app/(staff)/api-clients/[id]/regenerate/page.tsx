import { redirect } from 'next/navigation'
import { readRegenerateDraft } from '@/lib/api-clients/drafts'
import { loadApiClientForPage } from '@/lib/api-clients/load'
import { overlapChoices, overlapReachesExpiry, overlaps } from '@/lib/api-clients/overlap'
import { overlapQuestion, previousTokenSentence } from '@/lib/api-clients/regenerate-words'
import { formatDate } from '@/lib/dates'
import { initialFormState } from '@/lib/forms/form-state'
import { continueRegenerate } from './actions'
import { OverlapForm } from './overlap-form'

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string | string[] }> }

/** Regenerate token, step 1 (docs/product/api-clients.md). Only an active client's token can be regenerated. */
export default async function RegenerateTokenPage({ params, searchParams }: Props) {
  const { id } = await params
  const { viewer, client, now } = await loadApiClientForPage(id)
  const path = `/api-clients/${client.id}`
  if (client.status !== 'active') redirect(path)
  // Coming back from check answers shows the choice waiting there; from the client's page, none is chosen.
  const fromCheck = (await searchParams).from === 'check'
  const chosen = fromCheck ? await readRegenerateDraft(viewer.id, client.id) : undefined
  const expiry = formatDate(client.expiresOn)
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <OverlapForm
          permalink={`${path}/regenerate`}
          action={continueRegenerate.bind(null, client.id)}
          initialState={initialFormState({ overlap: chosen ?? '' })}
          question={overlapQuestion}
          hint={`Until then both tokens work, so systems can move to the new one. The current token cannot work after the client’s expiry date, ${expiry}.`}
          choices={overlapChoices.map((choice) => ({
            value: choice,
            text: overlaps[choice].label,
            hint: overlapReachesExpiry(choice, now, client.expiresOn) ? `Stops at the end of ${expiry}, when the client expires` : undefined,
          }))}
          previousToken={client.previousTokenStopsAt ? previousTokenSentence(client.previousTokenStopsAt) : undefined}
          cancelHref={path}
        />
      </div>
    </div>
  )
}
