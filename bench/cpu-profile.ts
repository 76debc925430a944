// What the profiling benchmarks share (bench/profile.ts, bench/profile-compare.ts): a V8 CPU profile's shape, its
// frames named by where their code comes from, and a bench client's token on the database bench/api.ts leaves.
import postgres from 'postgres'
import { createApiClient } from '../lib/api-clients/commands'
import { openDatabase } from '../db/client'
import { roleOf } from '../lib/auth/roles'
import { addDays, ukDate } from '../lib/dates'

type CallFrame = { functionName: string; url: string; lineNumber: number }
type Node = { id: number; callFrame: CallFrame; hitCount?: number }
export type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number }

// Where a frame's code comes from, shortened: the package, or our file, or Node's own.
function origin(url: string): string {
  if (url === '') return ''
  const modules = url.lastIndexOf('node_modules/')
  if (modules >= 0) {
    const rest = url.slice(modules + 13).split('/')
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url)
  }
  if (url.startsWith('node:')) return url
  return url.slice(url.lastIndexOf('/') + 1)
}

/** A frame's function name and where its code comes from. */
export function frameName(frame: CallFrame): string {
  return `${frame.functionName || '(anonymous)'} ${origin(frame.url)}`.trim()
}

/** Self time by frame and by origin, as shares of all samples. */
export function topFrames(profile: Profile, count = 12): { frames: string[]; origins: string[] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const frames = new Map<string, number>()
  const origins = new Map<string, number>()
  for (const id of profile.samples) {
    const frame = byId.get(id)?.callFrame
    if (!frame) continue
    const from = origin(frame.url)
    const name = frameName(frame)
    frames.set(name, (frames.get(name) ?? 0) + 1)
    origins.set(from || '(native/GC/idle)', (origins.get(from || '(native/GC/idle)') ?? 0) + 1)
  }
  const total = profile.samples.length
  const top = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, hits]) => `${((hits / total) * 100).toFixed(1)}% ${name}`)
  return { frames: top(frames), origins: top(origins) }
}

/** A bench client's token, and a live provider for the one-provider case. */
export async function benchToken(databaseUrl: string, pepper: string): Promise<{ token: string; providerId: string }> {
  const connection = await openDatabase({ url: databaseUrl })
  try {
    const sql = postgres(databaseUrl, { max: 1 })
    const [creator] = await sql`select id, first_name, last_name, email, api_user from users where not api_user and active limit 1`
    const [provider] = await sql`select id from providers where archived_at is null and deleted_at is null limit 1`
    await sql.end()
    if (!creator) throw new Error('no user: run bench/api.ts first')
    const person = {
      id: String(creator.id),
      firstName: String(creator.first_name),
      lastName: String(creator.last_name),
      email: String(creator.email),
      role: roleOf({ apiUser: false }),
    }
    const now = new Date()
    const created = await createApiClient(connection.db, {
      name: `Profile ${now.toISOString()}`,
      expiresOn: addDays(ukDate(now), 30),
      creator: person,
      at: now,
      tokens: { pepper, environment: 'test' },
    })
    if (created.outcome !== 'created') throw new Error('no client')
    return { token: created.token, providerId: String(provider?.id ?? '') }
  } finally {
    await connection.close()
  }
}
