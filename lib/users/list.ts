import { asc, count, isNull, sql } from 'drizzle-orm'
import type { Database } from '@/db'
import { users } from '@/db/schema'
import { fullName } from './names'

export const usersPerPage = 25

export type UserSummary = { id: string; name: string; email: string; apiUser: boolean; active: boolean }

/** A page of the people who may use the service (not deleted), by first then last name. */
export async function listUsers(db: Database, page: number): Promise<{ items: UserSummary[]; total: number }> {
  const [totalRow] = await db.select({ total: count() }).from(users).where(isNull(users.deletedAt))
  const rows = await db
    .select()
    .from(users)
    .where(isNull(users.deletedAt))
    .orderBy(asc(sql`lower(${users.firstName})`), asc(sql`lower(${users.lastName})`), asc(users.id))
    .limit(usersPerPage)
    .offset((page - 1) * usersPerPage)
  return {
    total: totalRow?.total ?? 0,
    items: rows.map((row) => ({ id: row.id, name: fullName(row), email: row.email, apiUser: row.apiUser, active: row.active })),
  }
}
