import { requireGeneralAccess } from '@/lib/auth/current-user'
import { initialFormState } from '@/lib/forms/form-state'
import { readNewUserDraft } from '@/lib/users/drafts'
import { noUserDetails, userFieldOrder, type UserFormState } from '../user-fields'
import { UserDetailsForm } from '../user-details-form'
import { checkUserDetails } from '../validation'
import { continueToCheckUser } from './actions'

/**
 * Add user, step 1. With a draft (a Change link, the back button, or a save that found the address taken
 * meanwhile) the answers come back, judged again, so any error shown here is news.
 */
export default async function NewUserPage() {
  const viewer = await requireGeneralAccess()
  const draft = await readNewUserDraft(viewer.id)
  let initialState: UserFormState = initialFormState(draft ?? noUserDetails)
  if (draft) {
    const checked = await checkUserDetails(draft, { fields: userFieldOrder })
    if (!checked.ok) initialState = checked.state
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <UserDetailsForm
          action={continueToCheckUser}
          initialState={initialState}
          caption="Add user"
          heading="User details"
          submitText="Continue"
          asksIdentity
          asksApiUser
          permalink="/users/new"
          cancel={
            // A plain link to the route that forgets the draft: next/link would prefetch it, and forget too soon.
            // eslint-disable-next-line @next/next/no-html-link-for-pages -- a route handler, not a page
            <a className="govuk-link" href="/users/new/cancel">
              Cancel
            </a>
          }
        />
      </div>
    </div>
  )
}
