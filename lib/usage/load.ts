import 'server-only'
import { getDb } from '@/db'
import { ukDate } from '@/lib/dates'
import { usageReport, type UsageReport } from './report'

/** The Usage section of a client's page, for a client the page has already checked the person may see. */
export async function loadApiClientUsage(clientId: string, now: Date): Promise<UsageReport> {
  return usageReport(await getDb(), clientId, ukDate(now))
}
