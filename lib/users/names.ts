/** What the service shows wherever a deleted person's name would be (docs/product/history.md). */
export const deletedUserName = 'Deleted user'

/** "First Last", as the service shows people. */
export function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`
}

/** A person's name as pages show it: "First Last", or "Deleted user" once they have been deleted. */
export function shownName(person: { firstName: string; lastName: string; deletedAt: Date | null }): string {
  return person.deletedAt ? deletedUserName : fullName(person)
}
