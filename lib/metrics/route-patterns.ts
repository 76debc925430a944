import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** One route of the build, as Next's routes manifest gives it: its pattern and the expression paths match. */
export type RoutePattern = { page: string; regex: RegExp }

type ManifestRoute = { page?: unknown; regex?: unknown }
type Manifest = { staticRoutes?: ManifestRoute[]; dynamicRoutes?: ManifestRoute[] }

/**
 * The routes in a routes-manifest.json that `next build` writes, static ones first, then dynamic ones in
 * Next's own order (most specific first), as Next itself matches them.
 */
export function parseRoutesManifest(json: string): RoutePattern[] {
  const manifest = JSON.parse(json) as Manifest
  return [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])].flatMap((route) =>
    typeof route.page === 'string' && typeof route.regex === 'string' ? [{ page: route.page, regex: new RegExp(route.regex) }] : [],
  )
}

/**
 * The build folder, as next.config.ts chooses it (journeys on another E2E_PORT build beside the main one).
 * route-patterns.test.ts keeps the two in step.
 */
export function distDirFor(e2ePort: string | undefined): string {
  return e2ePort && e2ePort !== '3100' ? `.next-${e2ePort}` : '.next'
}

/** The routes of the build this process serves, or none when there is no manifest (`next dev` before a build, unit tests). */
export function loadRoutePatterns(directory: string = process.cwd(), e2ePort = process.env.E2E_PORT): RoutePattern[] {
  try {
    return parseRoutesManifest(readFileSync(join(directory, distDirFor(e2ePort), 'routes-manifest.json'), 'utf8'))
  } catch {
    return []
  }
}

/**
 * The label a request is counted under in /metrics: the route's pattern (`/api/v1/providers/[id]`), never
 * the path itself, so that the number of series stays bounded however many ids are asked for.
 */
export function routePatternOf(path: string, patterns: readonly RoutePattern[]): string {
  for (const pattern of patterns) if (pattern.regex.test(path)) return pattern.page
  if (path.startsWith('/_next/static/')) return '/_next/static'
  if (path.startsWith('/_next/')) return '/_next'
  // Files from public/ (the GOV.UK assets) and unknown paths: one label for all of them.
  return '(unmatched)'
}
