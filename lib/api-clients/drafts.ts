import 'server-only'
import { z } from 'zod'
import { draftCookie } from '@/lib/forms/draft-cookie'
import { overlapChoices, type OverlapChoice } from './overlap'

// The allowed addresses as typed; a draft saved before the question existed has none (any address).
const newApiClientDraftSchema = z.object({ name: z.string(), day: z.string(), month: z.string(), year: z.string(), allowedAddresses: z.string().default('') })
const renameDraftSchema = z.object({ clientId: z.string(), name: z.string() })

/** What the Add API client form holds between its steps: the answers as typed. */
export type NewApiClientDraft = z.infer<typeof newApiClientDraftSchema>
/** What the Change client name form holds between its steps. */
export type RenameDraft = z.infer<typeof renameDraftSchema>

// One cookie for the Add API client flow: its answers until saved, then only the id of the client they made.
const newClientCookie = 'rotp-new-api-client'
const newApiClientDraft = draftCookie(newClientCookie, newApiClientDraftSchema)
const savedApiClient = draftCookie(newClientCookie, z.object({ savedClientId: z.string() }))
const renameDraft = draftCookie('rotp-rename-api-client', renameDraftSchema)
const regenerateDraft = draftCookie(
  'rotp-regenerate-token',
  z.object({ clientId: z.string(), overlap: z.enum(overlapChoices), regenerated: z.literal(false) }),
)
const usedRegenerateDraft = draftCookie('rotp-regenerate-token', z.object({ clientId: z.string(), regenerated: z.literal(true) }))

/** Keeps the Add API client answers for the check-answers step (encrypted, tied to the person, for a day). */
export const saveNewApiClientDraft = newApiClientDraft.save

/** The person's Add API client answers, if they have any (none once they are saved). */
export const readNewApiClientDraft = newApiClientDraft.read

/**
 * Replaces the answers with the id of the client they made (never its token), so a reload or a revisit of
 * the check-answers page can go to the client's page (docs/decisions/0007) instead of showing the token again.
 */
export async function markNewApiClientSaved(userId: string, savedClientId: string): Promise<void> {
  await savedApiClient.save(userId, { savedClientId })
}

/** The client this person's last Add API client answers made, if they were saved. */
export async function readSavedApiClientId(userId: string): Promise<string | undefined> {
  return (await savedApiClient.read(userId))?.savedClientId
}

/** Forgets the Add API client answers (after cancelling). */
export const clearNewApiClientDraft = newApiClientDraft.clear

/** Keeps a new name for a client until it is confirmed. */
export const saveRenameDraft = renameDraft.save

/** The new name waiting for confirmation for this client, if any. */
export async function readRenameDraft(userId: string, clientId: string): Promise<string | undefined> {
  const draft = await renameDraft.read(userId)
  return draft?.clientId === clientId ? draft.name : undefined
}

/** Forgets the waiting new name. */
export const clearRenameDraft = renameDraft.clear

/** The answer to "when does the current token stop working", waiting for Regenerate token to be confirmed. */
export async function saveRegenerateDraft(userId: string, clientId: string, overlap: OverlapChoice): Promise<void> {
  await regenerateDraft.save(userId, { clientId, overlap, regenerated: false })
}

/** The overlap chosen for this client, unless the token has been regenerated since (see markTokenRegenerated). */
export async function readRegenerateDraft(userId: string, clientId: string): Promise<OverlapChoice | undefined> {
  const draft = await regenerateDraft.read(userId)
  return draft?.clientId === clientId ? draft.overlap : undefined
}

/**
 * Replaces the answer with a note that it was used (never the token), so a reload or a resubmission of the
 * check-answers page goes to the client's page instead of making, or showing, another token (decision 0007).
 */
export async function markTokenRegenerated(userId: string, clientId: string): Promise<void> {
  await usedRegenerateDraft.save(userId, { clientId, regenerated: true })
}
