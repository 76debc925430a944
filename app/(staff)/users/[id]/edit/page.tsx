import { redirect } from 'next/navigation'
import { initialFormState } from '@/lib/forms/form-state'
import { loadUserForPage } from '@/lib/users/load'
import { fullName } from '@/lib/users/names'
import { apiUserAnswer } from '../../user-fields'
import { CancelLink, UserDetailsForm } from '../../user-details-form'
import { updateUserAction } from './actions'

type Props = { params: Promise<{ id: string }> }

/**
 * Change user details: the name and email address while the person has never signed in, and whether the
 * account is an API user unless it is your own. With nothing left to change, it goes back to the user.
 */
export default async function EditUserPage({ params }: Props) {
  const { id } = await params
  const { user, isSelf } = await loadUserForPage(id)
  const path = `/users/${user.id}`
  const asksIdentity = !user.lastSignedInAt
  const asksApiUser = !isSelf
  if (!asksIdentity && !asksApiUser) redirect(path)
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <UserDetailsForm
          action={updateUserAction.bind(null, user.id)}
          initialState={initialFormState({
            firstName: user.firstName,
            lastName: user.lastName,
            email: user.email,
            apiUser: apiUserAnswer(user.apiUser),
          })}
          caption={fullName(user)}
          heading="Change user details"
          submitText="Save changes"
          asksIdentity={asksIdentity}
          asksApiUser={asksApiUser}
          permalink={`${path}/edit`}
          cancel={<CancelLink href={path} />}
        />
      </div>
    </div>
  )
}
