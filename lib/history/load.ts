import 'server-only'
import { getDb, withProcessDb } from '@/db'
import type { CurrentUser } from '@/lib/auth/roles'
import * as activity from './activity'
import * as exports from './export'

// The one door from app/ to the history (docs/decisions/0017): the functions of the same name in activity.ts
// and export.ts, with this process's database supplied. Callers have checked the person may see the client or user.

export const listActivity = withProcessDb(activity.listActivity)
export const apiClientHistory = withProcessDb(activity.apiClientHistory)
export const userHistory = withProcessDb(activity.userHistory)

/** The Activity download for this person (export.ts), read from this process's database as it is sent. */
export async function* activityCsv(viewer: CurrentUser, window: exports.ExportWindow): AsyncGenerator<string> {
  yield* exports.activityCsv(await getDb(), viewer, window)
}
