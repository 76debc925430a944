// The flags `npm start` gives Node, read from package.json's start script (`node <flags> node_modules/next/dist/bin/next
// start …`), so that benchmarks (bench/server.ts) and the cluster journeys (e2e/cluster/instances.ts) run the server
// as a deployment does. Why these flags: docs/decisions/0030.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** The path the start script runs, relative to the project. */
export const nextBin = 'node_modules/next/dist/bin/next'

/** The Node flags in a start script of the form `node <flags> node_modules/next/dist/bin/next start …`; [] otherwise. */
export function nodeFlagsOf(startScript: string): string[] {
  const words = startScript.trim().split(/\s+/)
  const next = words.indexOf(nextBin)
  return words[0] === 'node' && next > 0 ? words.slice(1, next) : []
}

/** The Node flags `npm start` passes, from this project's package.json. */
export function startScriptNodeFlags(project = process.cwd()): string[] {
  const { scripts } = JSON.parse(readFileSync(resolve(project, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  return nodeFlagsOf(scripts.start ?? '')
}
