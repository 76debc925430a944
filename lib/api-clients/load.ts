import 'server-only'
import { notFound } from 'next/navigation'
import { getDb } from '@/db'
import { requireUser } from '@/lib/auth/current-user'
import type { CurrentUser } from '@/lib/auth/roles'
import { systemClock } from '@/lib/clock'
import { findApiClient, type ApiClientDetails } from './details'

/**
 * For pages under /api-clients/{id}: the signed-in person and the client, or the 404 page when the client
 * is unknown, deleted, or (for API-only users) someone else's.
 */
export async function loadApiClientForPage(id: string): Promise<{ viewer: CurrentUser; client: ApiClientDetails; now: Date }> {
  const viewer = await requireUser()
  const now = systemClock()
  const client = await findApiClient(await getDb(), viewer, id, now)
  if (!client) notFound()
  return { viewer, client, now }
}
