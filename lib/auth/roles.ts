/** What a signed-in person may do: everything (general access) or only their own API clients (API-only). */
export type Role = 'general-access' | 'api-only'

/** The signed-in person as pages and actions see them, re-read from the database on every request. */
export type CurrentUser = {
  id: string
  firstName: string
  lastName: string
  email: string
  role: Role
}

/** The role a user row gives. */
export function roleOf(user: { apiUser: boolean }): Role {
  return user.apiUser ? 'api-only' : 'general-access'
}

/** Only general-access users may see the Users section and all activity. */
export function hasGeneralAccess(user: CurrentUser): boolean {
  return user.role === 'general-access'
}
