import { redirect } from 'next/navigation'
import { ConfirmChange } from '@/components/confirm-change'
import { systemClock } from '@/lib/clock'
import { apiClientCounts, loadUserForPage } from '@/lib/users/load'
import { fullName } from '@/lib/users/names'
import { OwnAccountRefusal } from '../own-account-refusal'
import { deactivateUserAction } from './actions'

type Props = { params: Promise<{ id: string }> }

const clients = (count: number) => (count === 1 ? '1 active API client' : `${count} active API clients`)

/** Confirm deactivating a user, saying what happens to their API clients. Only an active user can be deactivated. */
export default async function DeactivateUserPage({ params }: Props) {
  const { id } = await params
  const { user, isSelf } = await loadUserForPage(id)
  const path = `/users/${user.id}`
  if (isSelf) return <OwnAccountRefusal change="deactivate" userPath={path} />
  if (!user.active) redirect(path)
  const { active } = await apiClientCounts(user.id, systemClock())
  const name = fullName(user)
  return (
    <ConfirmChange
      caption="Deactivate user"
      heading={`Confirm you want to deactivate ${name}`}
      warning={active > 0 ? `Their ${clients(active)} will be revoked. Revoking an API client is permanent – you cannot undo it.` : undefined}
      buttonText="Deactivate user"
      action={deactivateUserAction.bind(null, user.id)}
      cancelHref={path}
      permalink={`${path}/deactivate`}
      destructive
    >
      <p className="govuk-body">{name} will not be able to sign in until they are reactivated.</p>
      {active === 0 ? <p className="govuk-body">They have no active API clients.</p> : null}
    </ConfirmChange>
  )
}
