import 'server-only'
import { z } from 'zod'
import { draftCookie } from '@/lib/forms/draft-cookie'

const newUserDraftSchema = z.object({ firstName: z.string(), lastName: z.string(), email: z.string(), apiUser: z.string() })

/** What the Add user form holds between its steps: the answers as typed. */
export type NewUserDraft = z.infer<typeof newUserDraftSchema>

const newUserDraft = draftCookie('rotp-new-user', newUserDraftSchema)

/** Keeps the Add user answers for the check-answers step (encrypted, tied to the person, for a day). */
export const saveNewUserDraft = newUserDraft.save

/** The person's Add user answers, if they have any. */
export const readNewUserDraft = newUserDraft.read

/** Forgets the Add user answers (once saved, or after cancelling). */
export const clearNewUserDraft = newUserDraft.clear
