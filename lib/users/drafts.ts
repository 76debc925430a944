import 'server-only'
import { deleteCookie, readEncryptedCookie, writeEncryptedCookie } from '@/lib/encrypted-cookie'

/** What the Add user form holds between its steps: the answers as typed. */
export type NewUserDraft = { firstName: string; lastName: string; email: string; apiUser: string }

const newUserCookie = 'rotp-new-user'
const oneDay = 24 * 60 * 60

const text = (value: unknown) => (typeof value === 'string' ? value : undefined)

/** Keeps the Add user answers for the check-answers step (encrypted, tied to the person, for a day). */
export async function saveNewUserDraft(userId: string, draft: NewUserDraft): Promise<void> {
  await writeEncryptedCookie(newUserCookie, { userId, ...draft }, oneDay)
}

/** The person's Add user answers, if they have any. */
export async function readNewUserDraft(userId: string): Promise<NewUserDraft | undefined> {
  const value = await readEncryptedCookie(newUserCookie)
  if (!value || value.userId !== userId) return undefined
  const [firstName, lastName, email, apiUser] = [text(value.firstName), text(value.lastName), text(value.email), text(value.apiUser)]
  if (firstName === undefined || lastName === undefined || email === undefined || apiUser === undefined) return undefined
  return { firstName, lastName, email, apiUser }
}

/** Forgets the Add user answers (once saved, or after cancelling). */
export async function clearNewUserDraft(): Promise<void> {
  await deleteCookie(newUserCookie)
}
