import 'server-only'
import { and, eq, isNotNull, isNull, or, sql } from 'drizzle-orm'
import type { Database, Transaction } from '@/db'
import { users, type User } from '@/db/schema'

/** Who DfE Sign-in says has signed in: its stable subject identifier, and the email address it holds. */
export type DfeSignInIdentity = { sub: string; email: string | undefined }

export type DfeSignInMatch =
  | { outcome: 'signed-in'; user: User }
  | { outcome: 'inactive'; userId: string }
  | { outcome: 'not-recognised'; reason: 'unknown email' | 'no email' | 'email linked to another DfE Sign-in account' }

/** Lets an active person in and records when; an inactive one is refused and nothing changes. */
async function admit(tx: Transaction, user: User, at: Date): Promise<DfeSignInMatch> {
  if (!user.active) return { outcome: 'inactive', userId: user.id }
  const [signedIn] = await tx.update(users).set({ lastSignedInAt: at }).where(eq(users.id, user.id)).returning()
  return { outcome: 'signed-in', user: signedIn ?? user }
}

/**
 * Finds the person a DfE Sign-in identity belongs to. First by the stored `sub`, which never changes even
 * when the person's email address does; failing that, the first time, by email address (ignoring case),
 * and then the `sub` is stored so later sign-ins match on it. An email match whose row already holds a
 * different `sub` is refused: that address belongs to someone else's DfE Sign-in account now.
 */
export async function matchDfeSignInUser(db: Database, identity: DfeSignInIdentity, at: Date): Promise<DfeSignInMatch> {
  return db.transaction(async (tx) => {
    const [bySub] = await tx
      .select()
      .from(users)
      .where(and(eq(users.dfeSignInUid, identity.sub), isNull(users.deletedAt)))
    if (bySub) return admit(tx, bySub, at)

    if (!identity.email) return { outcome: 'not-recognised', reason: 'no email' }
    const [byEmail] = await tx
      .select()
      .from(users)
      .where(and(sql`lower(${users.email}) = lower(${identity.email})`, isNull(users.deletedAt)))
    if (!byEmail) return { outcome: 'not-recognised', reason: 'unknown email' }
    // Linked to this very account since the look-up by sub above (a second sign-in at the same moment).
    if (byEmail.dfeSignInUid === identity.sub) return admit(tx, byEmail, at)
    if (byEmail.dfeSignInUid !== null) return { outcome: 'not-recognised', reason: 'email linked to another DfE Sign-in account' }
    if (!byEmail.active) return { outcome: 'inactive', userId: byEmail.id }

    // A deleted row may still hold this sub (the person was removed, then added again). The unique index
    // ignores deleted rows, but the sub belongs with the person who can sign in, so it moves to them.
    await tx
      .update(users)
      .set({ dfeSignInUid: null })
      .where(and(eq(users.dfeSignInUid, identity.sub), isNotNull(users.deletedAt)))
    // Checked again as the row is written: a first sign-in by another DfE Sign-in account at the same
    // moment must not be overwritten (the same account twice at once is fine).
    const [linked] = await tx
      .update(users)
      .set({ dfeSignInUid: identity.sub, lastSignedInAt: at })
      .where(and(eq(users.id, byEmail.id), or(isNull(users.dfeSignInUid), eq(users.dfeSignInUid, identity.sub))))
      .returning()
    if (!linked) return { outcome: 'not-recognised', reason: 'email linked to another DfE Sign-in account' }
    return { outcome: 'signed-in', user: linked }
  })
}

/** The non-deleted person whose DfE Sign-in `sub` this is; undefined if there is none. */
export async function findUserByDfeSignInUid(db: Database, sub: string): Promise<User | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.dfeSignInUid, sub), isNull(users.deletedAt)))
  return user
}
