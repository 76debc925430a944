import { redirect } from 'next/navigation'
import { ConfirmChange } from '@/components/confirm-change'
import { loadUserForPage } from '@/lib/users/load'
import { fullName } from '@/lib/users/names'
import { reactivateUserAction } from './actions'

type Props = { params: Promise<{ id: string }> }

/** Confirm reactivating a user. Only an inactive user can be reactivated (and so never yourself). */
export default async function ReactivateUserPage({ params }: Props) {
  const { id } = await params
  const { user } = await loadUserForPage(id)
  const path = `/users/${user.id}`
  if (user.active) redirect(path)
  const name = fullName(user)
  return (
    <ConfirmChange
      caption="Reactivate user"
      heading={`Confirm you want to reactivate ${name}`}
      buttonText="Reactivate user"
      action={reactivateUserAction.bind(null, user.id)}
      cancelHref={path}
      permalink={`${path}/reactivate`}
    >
      <p className="govuk-body">{name} will be able to sign in again.</p>
      <p className="govuk-body">API clients that were revoked when they were deactivated stay revoked. They can add new ones.</p>
    </ConfirmChange>
  )
}
