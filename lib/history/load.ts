import 'server-only'
import { withProcessDb } from '@/db'
import * as activity from './activity'

// The one door from app/ to the history (docs/decisions/0017): the functions of the same name in activity.ts,
// with this process's database supplied. Callers have checked the person may see the client or user.

export const listActivity = withProcessDb(activity.listActivity)
export const apiClientHistory = withProcessDb(activity.apiClientHistory)
export const userHistory = withProcessDb(activity.userHistory)
