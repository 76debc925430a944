import 'server-only'
import { z } from 'zod'
import { deleteCookie, readEncryptedCookie, writeEncryptedCookie } from '@/lib/encrypted-cookie'

const oneDay = 24 * 60 * 60

// Who typed the draft, beside it; the draft's own shape is checked by each kind's schema.
const storedSchema = z.object({ userId: z.string(), draft: z.unknown() })

/** Saves, reads and forgets one kind of draft for the person who typed it. */
export type DraftCookie<Draft> = {
  save(userId: string, draft: Draft): Promise<void>
  read(userId: string): Promise<Draft | undefined>
  clear(): Promise<void>
}

/**
 * What a form keeps between its steps, in an encrypted cookie tied to the person who typed it, for a day.
 * The one reader of such cookies: `schema` says what the draft holds, and anything else (another person's,
 * expired, tampered with, or of another shape, such as a saved client's id where answers were) reads as no
 * draft at all. Several kinds may share one cookie name; the last one saved is the one there.
 */
export function draftCookie<Schema extends z.ZodType<Record<string, unknown>>>(name: string, schema: Schema): DraftCookie<z.infer<Schema>> {
  return {
    async save(userId, draft) {
      await writeEncryptedCookie(name, { userId, draft }, oneDay)
    },
    async read(userId) {
      const stored = storedSchema.safeParse(await readEncryptedCookie(name))
      if (!stored.success || stored.data.userId !== userId) return undefined
      const draft = schema.safeParse(stored.data.draft)
      return draft.success ? draft.data : undefined
    },
    async clear() {
      await deleteCookie(name)
    },
  }
}
