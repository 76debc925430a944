import { z } from 'zod'

// What a revision records (revisions.snapshot and revisions.changes), as one schema per kind of thing: the
// commands that write history are typed by it, and the history pages parse what they read with it, so the two
// cannot drift apart. Revisions are append-only, so a field added here must be optional for older rows.

/** The fields every revision of an API client records: the client after the change. */
const apiClientFieldsSchema = z.object({
  name: z.string(),
  expiresOn: z.string(),
  tokenHint: z.string(),
  createdById: z.string(),
  revokedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
})
/** On an expiry reminder's revision only, which reminder went, and to whom, named as they were then. */
export const apiClientSnapshotSchema = apiClientFieldsSchema.extend({
  reminder: z.object({ kind: z.string(), recipientName: z.string() }).optional(),
  // Optional: revisions written before allowlists existed do not have it (and allowed any address).
  allowedAddresses: z.array(z.string()).optional(),
})
export type ApiClientSnapshot = z.infer<typeof apiClientSnapshotSchema>

/** The fields every revision of a user records: the user after the change. */
export const userSnapshotSchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  apiUser: z.boolean(),
  active: z.boolean(),
  deletedAt: z.string().nullable(),
})
export type UserSnapshot = z.infer<typeof userSnapshotSchema>

/** For each field a change touched, its value before and after, typed as the snapshot's field. */
function changesOf<Shape extends z.ZodRawShape>(snapshot: z.ZodObject<Shape>) {
  const fields = Object.fromEntries(Object.entries(snapshot.shape).map(([key, value]) => [key, z.object({ from: value, to: value })]))
  return z.object(fields as { [K in keyof Shape]: z.ZodObject<{ from: Shape[K]; to: Shape[K] }> }).partial()
}

// A change may also say why the system made it (and, for a token found in public, where), and when a regenerated
// client's previous token stops.
export const apiClientChangesSchema = changesOf(
  apiClientFieldsSchema.extend({
    revokedReason: z.string().nullable(),
    foundAtUrl: z.string().nullable(),
    previousTokenStopsAt: z.string().nullable(),
    allowedAddresses: z.array(z.string()),
  }),
)
export type ApiClientChanges = z.infer<typeof apiClientChangesSchema>

export const userChangesSchema = changesOf(userSnapshotSchema)
export type UserChanges = z.infer<typeof userChangesSchema>
