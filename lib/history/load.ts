import 'server-only'
import { getDb } from '@/db'
import type { CurrentUser } from '@/lib/auth/roles'
import { apiClientHistory, listActivity, type ActivityItem } from './activity'

/** A page of the activity this person may see. */
export async function activityFor(viewer: CurrentUser, page: number): Promise<{ items: ActivityItem[]; total: number }> {
  return listActivity(await getDb(), viewer, page)
}

/** One client's history (the caller has checked the person may see the client). */
export async function historyOfApiClient(clientId: string): Promise<ActivityItem[]> {
  return apiClientHistory(await getDb(), clientId)
}
