import Link from 'next/link'
import { redirect } from 'next/navigation'
import { ActionForm } from '@/components/action-form'
import { Button } from '@/components/govuk/button'
import { SummaryList } from '@/components/govuk/summary-list'
import { PageTitle } from '@/components/page-title'
import { readRenameDraft } from '@/lib/api-clients/drafts'
import { loadApiClientForPage } from '@/lib/api-clients/load'
import { formatDate } from '@/lib/dates'
import { saveRename } from './actions'

type Props = { params: Promise<{ id: string }> }

/** Change client name, step 2: check answers, then save (docs/product/api-clients.md). */
export default async function CheckApiClientChangesPage({ params }: Props) {
  const { id } = await params
  const { viewer, client } = await loadApiClientForPage(id)
  const path = `/api-clients/${client.id}`
  if (client.status !== 'active') redirect(path)
  // Without a name from step 1 (opened directly, or the day-long draft ran out) there is nothing to check.
  const name = await readRenameDraft(viewer.id, client.id)
  if (name === undefined) redirect(`${path}/edit`)

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title="Check your answers - Change API client" />
        <span className="govuk-caption-l">Change API client</span>
        <h1 className="govuk-heading-l">Check your answers</h1>
        <SummaryList
          rows={[
            {
              key: { text: 'Client name' },
              value: { text: name },
              actions: { items: [{ href: `${path}/edit?from=check`, text: 'Change', visuallyHiddenText: 'client name' }] },
            },
            { key: { text: 'Expiry date' }, value: { text: formatDate(client.expiresOn) } },
          ]}
        />
        <ActionForm action={saveRename.bind(null, client.id)} permalink={`${path}/check`}>
          <div className="govuk-button-group">
            <Button text="Save changes" preventDoubleClick />
            <Link className="govuk-link" href={path}>
              Cancel
            </Link>
          </div>
        </ActionForm>
      </div>
    </div>
  )
}
