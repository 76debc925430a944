import 'server-only'
import { deleteCookie, readEncryptedCookie, writeEncryptedCookie } from '@/lib/encrypted-cookie'
import { isOverlapChoice, type OverlapChoice } from './overlap'

/** What the Add API client form holds between its steps: the answers as typed. */
export type NewApiClientDraft = { name: string; day: string; month: string; year: string }
/** What the Change client name form holds between its steps. */
export type RenameDraft = { clientId: string; name: string }

const newClientCookie = 'rotp-new-api-client'
const renameCookie = 'rotp-rename-api-client'
const regenerateCookie = 'rotp-regenerate-token'
const oneDay = 24 * 60 * 60

const text = (value: unknown) => (typeof value === 'string' ? value : undefined)

/** Keeps the Add API client answers for the check-answers step (encrypted, tied to the person, for a day). */
export async function saveNewApiClientDraft(userId: string, draft: NewApiClientDraft): Promise<void> {
  await writeEncryptedCookie(newClientCookie, { userId, ...draft }, oneDay)
}

/** The person's Add API client answers, if they have any (none once they are saved). */
export async function readNewApiClientDraft(userId: string): Promise<NewApiClientDraft | undefined> {
  const value = await readEncryptedCookie(newClientCookie)
  if (!value || value.userId !== userId || value.savedClientId !== undefined) return undefined
  const [name, day, month, year] = [text(value.name), text(value.day), text(value.month), text(value.year)]
  if (name === undefined || day === undefined || month === undefined || year === undefined) return undefined
  return { name, day, month, year }
}

/**
 * Replaces the answers with the id of the client they made (never its token), so a reload or a revisit of
 * the check-answers page can go to the client's page (docs/decisions/0007) instead of showing the token again.
 */
export async function markNewApiClientSaved(userId: string, savedClientId: string): Promise<void> {
  await writeEncryptedCookie(newClientCookie, { userId, savedClientId }, oneDay)
}

/** The client this person's last Add API client answers made, if they were saved. */
export async function readSavedApiClientId(userId: string): Promise<string | undefined> {
  const value = await readEncryptedCookie(newClientCookie)
  if (!value || value.userId !== userId) return undefined
  return text(value.savedClientId)
}

/** Forgets the Add API client answers (after cancelling). */
export async function clearNewApiClientDraft(): Promise<void> {
  await deleteCookie(newClientCookie)
}

/** Keeps a new name for a client until it is confirmed. */
export async function saveRenameDraft(userId: string, draft: RenameDraft): Promise<void> {
  await writeEncryptedCookie(renameCookie, { userId, ...draft }, oneDay)
}

/** The new name waiting for confirmation for this client, if any. */
export async function readRenameDraft(userId: string, clientId: string): Promise<string | undefined> {
  const value = await readEncryptedCookie(renameCookie)
  if (!value || value.userId !== userId || value.clientId !== clientId) return undefined
  return text(value.name)
}

/** Forgets the waiting new name. */
export async function clearRenameDraft(): Promise<void> {
  await deleteCookie(renameCookie)
}

/** The answer to "when does the current token stop working", waiting for Regenerate token to be confirmed. */
export async function saveRegenerateDraft(userId: string, clientId: string, overlap: OverlapChoice): Promise<void> {
  await writeEncryptedCookie(regenerateCookie, { userId, clientId, overlap }, oneDay)
}

/** The overlap chosen for this client, unless the token has been regenerated since (see markTokenRegenerated). */
export async function readRegenerateDraft(userId: string, clientId: string): Promise<OverlapChoice | undefined> {
  const value = await readEncryptedCookie(regenerateCookie)
  if (!value || value.userId !== userId || value.clientId !== clientId || value.regenerated !== undefined) return undefined
  return isOverlapChoice(value.overlap) ? value.overlap : undefined
}

/**
 * Replaces the answer with a note that it was used (never the token), so a reload or a resubmission of the
 * check-answers page goes to the client's page instead of making, or showing, another token (decision 0007).
 */
export async function markTokenRegenerated(userId: string, clientId: string): Promise<void> {
  await writeEncryptedCookie(regenerateCookie, { userId, clientId, regenerated: true }, oneDay)
}
