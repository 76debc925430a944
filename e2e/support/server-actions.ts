import { readFileSync } from 'node:fs'

const port = process.env.E2E_PORT ?? '3100'
/** The build folder next.config.ts chooses for this port. */
const distDir = port === '3100' ? '.next' : `.next-${port}`

/** The id Next gave a server action in the build the journeys run against, by its exported name. */
export function serverActionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(`${distDir}/server/server-reference-manifest.json`, 'utf8')) as {
    node: Record<string, { exportedName?: string }>
  }
  const id = Object.entries(manifest.node).find(([, action]) => action.exportedName === exportedName)?.[0]
  if (!id) throw new Error(`no server action ${exportedName} in ${distDir}`)
  return id
}
