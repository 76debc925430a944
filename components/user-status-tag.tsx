import { Tag } from './govuk/tag'

/** Active or Inactive, as the users list and a user's page show it. */
export function UserStatusTag({ active, classes }: { active: boolean; classes?: string }) {
  return active ? (
    <Tag text="Active" classes={['govuk-tag--teal', classes].filter(Boolean).join(' ')} />
  ) : (
    <Tag text="Inactive" classes={['govuk-tag--grey', classes].filter(Boolean).join(' ')} />
  )
}
