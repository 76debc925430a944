import { performance } from 'node:perf_hooks'
import { eq } from 'drizzle-orm'
import { openDatabase } from '../db/client'
import { users } from '../db/schema'
import { e2eEnvironment } from '../e2e/support/environment'
import type { Cluster } from '../e2e/cluster/harness'
import { buildPort } from '../e2e/cluster/instances'
import { createApiClient, revokeApiClient } from '../lib/api-clients/commands'
import { roleOf, type CurrentUser } from '../lib/auth/roles'
import { addDays, ukDate } from '../lib/dates'

type Figures = { count: number; p50: number; p99: number; max: number }

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN
}

async function status(origin: string, token: string): Promise<number> {
  const response = await fetch(`${origin}/api/v1/info`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '2001:db8::2' } })
  await response.arrayBuffer()
  return response.status
}

/** Asks `origin` again and again until it refuses `token`; resolves with the moment it did. */
async function refusedAt(origin: string, token: string): Promise<number> {
  for (;;) {
    if ((await status(origin, token)) === 401) return performance.now()
  }
}

/**
 * `count` times: a new client whose token every instance has verified (so each holds it in its cache), revoked
 * with the service's own command through PgBouncer; the figure is from the moment the commit returned until the
 * last instance, asked directly and continuously, refuses the token.
 */
export async function measureRevocations(cluster: Cluster, count: number): Promise<Figures> {
  const connection = await openDatabase({ url: cluster.pooledUrl, directUrl: cluster.directUrl, pooled: true })
  try {
    const [row] = await connection.db.select().from(users).where(eq(users.email, 'anne.wilson@education.gov.uk'))
    if (!row) throw new Error('no seeded user Anne')
    const anne: CurrentUser = { id: row.id, firstName: row.firstName, lastName: row.lastName, email: row.email, role: roleOf(row) }
    const pepper = e2eEnvironment(buildPort).TOKEN_PEPPER ?? ''
    const origins = cluster.instances.map((instance) => instance.origin)
    const times: number[] = []
    for (let index = 0; index < count; index += 1) {
      const at = new Date()
      const created = await createApiClient(connection.db, {
        name: `Bench revoke ${index + 1}`,
        expiresOn: addDays(ukDate(at), 90),
        creator: anne,
        at,
        tokens: { pepper, environment: 'test' },
      })
      if (created.outcome !== 'created') throw new Error('could not create a client')
      for (const origin of origins)
        for (let warm = 0; warm < 2; warm += 1) if ((await status(origin, created.token)) !== 200) throw new Error(`${origin} refused a new token`)
      await revokeApiClient(connection.db, { id: created.client.id, actor: anne, at: new Date() })
      const committed = performance.now()
      const refused = await Promise.all(origins.map((origin) => refusedAt(origin, created.token)))
      times.push(Math.max(...refused) - committed)
    }
    const sorted = [...times].sort((a, b) => a - b)
    return { count, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? Number.NaN }
  } finally {
    await connection.close()
  }
}
