import { redirect } from 'next/navigation'
import { readRenameDraft } from '@/lib/api-clients/drafts'
import { loadApiClientForPage } from '@/lib/api-clients/load'
import { formatDate } from '@/lib/dates'
import { initialFormState } from '@/lib/forms/form-state'
import { continueRename } from './actions'
import { RenameForm } from './rename-form'
import { renameFormState, validateNewClientName } from './validate-name'

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string | string[] }> }

/** Change client name, step 1 (docs/product/api-clients.md). Only active clients can be changed; others show their page. */
export default async function EditApiClientPage({ params, searchParams }: Props) {
  const { id } = await params
  const { viewer, client } = await loadApiClientForPage(id)
  const path = `/api-clients/${client.id}`
  if (client.status !== 'active') redirect(path)

  // Coming back from check answers (its Change link, or a name taken meanwhile) shows the name waiting
  // there, checked again. Coming from the client's page starts from its current name, so an abandoned
  // change is not offered as if it were the client's name.
  const fromCheck = (await searchParams).from === 'check'
  const draft = fromCheck ? await readRenameDraft(viewer.id, client.id) : undefined
  const initialState =
    draft === undefined ? initialFormState({ name: client.name }) : renameFormState(draft, await validateNewClientName(client, draft))

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <RenameForm
          action={continueRename.bind(null, client.id)}
          initialState={initialState}
          expiryDate={formatDate(client.expiresOn)}
          cancelHref={path}
          permalink={`${path}/edit`}
        />
      </div>
    </div>
  )
}
