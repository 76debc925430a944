import { ConfirmChange } from '@/components/confirm-change'
import { systemClock } from '@/lib/clock'
import { apiClientCounts, loadUserForPage } from '@/lib/users/load'
import { fullName } from '@/lib/users/names'
import { OwnAccountRefusal } from '../own-account-refusal'
import { deleteUserAction } from './actions'

type Props = { params: Promise<{ id: string }> }

const clients = (count: number) => (count === 1 ? '1 API client' : `${count} API clients`)

/** Confirm deleting a user, with the "cannot be undone" warning and what happens to their API clients. */
export default async function DeleteUserPage({ params }: Props) {
  const { id } = await params
  const { user, isSelf } = await loadUserForPage(id)
  const path = `/users/${user.id}`
  if (isSelf) return <OwnAccountRefusal change="delete" userPath={path} />
  const { live } = await apiClientCounts(user.id, systemClock())
  const name = fullName(user)
  return (
    <ConfirmChange
      caption="Delete user"
      heading={`Confirm you want to delete ${name}`}
      warning="Deleting a user cannot be undone."
      buttonText="Delete user"
      action={deleteUserAction.bind(null, user.id)}
      cancelHref={path}
      permalink={`${path}/delete`}
    >
      <p className="govuk-body">{name} will not be able to sign in. Their history stays in the activity log.</p>
      <p className="govuk-body">
        {live > 0 ? `Their ${clients(live)} will be deleted and their tokens will stop working.` : 'They have no API clients.'}
      </p>
    </ConfirmChange>
  )
}
