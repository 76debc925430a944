// Finds how many copies of a package a production server build holds (issue 16): a bundled copy shows as a
// module that defines the package's marker, and an external one as the name the chunks import it by.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** drizzle-orm's entity module defines this symbol; every bundled copy of drizzle-orm has one definition of it. */
export const drizzleMarker = 'Symbol.for("drizzle:entityKind")'

/** What one server build holds of drizzle-orm. */
export type DrizzleCopies = {
  /** Module ids (within their chunk runtime) of bundled copies of drizzle-orm's entity module. */
  bundled: string[]
  /** The distinct ways chunks load drizzle-orm from node_modules: `import` (ESM) or `require` (CommonJS), with the name. */
  external: string[]
}

function javascriptFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry)
    if (statSync(path).isDirectory()) return javascriptFiles(path)
    return path.endsWith('.js') ? [path] : []
  })
}

// Turbopack writes a module as `<id>,e=>{…}` and loads externals with e.y("name") (import) or e.x("name") (require).
const bundledModule = /(\d+),\w+=>\{"use strict";let \w+=Symbol\.for\("drizzle:entityKind"\)/g
const externalLoad = /\w\.([xy])\("(drizzle-orm(?:-[0-9a-f]+)?)(?:\/[^"]*)?"/g

/** Reads the marker's definitions and drizzle-orm's external loads out of one chunk's text. */
export function drizzleCopiesInText(text: string): DrizzleCopies {
  const bundled = [...text.matchAll(bundledModule)].map((match) => match[1] ?? '')
  // A definition the regular expression above does not recognise (a new bundler's output) still counts.
  const unrecognised = text.split(drizzleMarker).length - 1 - bundled.length
  for (let index = 0; index < unrecognised; index += 1) bundled.push('unrecognised')
  const external = [...text.matchAll(externalLoad)].map((match) => `${match[1] === 'y' ? 'import' : 'require'} ${match[2]}`)
  return { bundled, external }
}

/** Every copy of drizzle-orm in the server output of a build folder (`.next` or `.next-<port>`). */
export function drizzleCopiesInBuild(distDir: string): DrizzleCopies {
  const bundled = new Set<string>()
  const external = new Set<string>()
  for (const file of javascriptFiles(join(distDir, 'server'))) {
    const text = readFileSync(file, 'utf8')
    if (!text.includes('drizzle')) continue
    const found = drizzleCopiesInText(text)
    for (const id of found.bundled) bundled.add(id)
    for (const load of found.external) external.add(load)
  }
  return { bundled: [...bundled].sort(), external: [...external].sort() }
}

/** How many module instances of drizzle-orm the server can hold: each bundled id, plus each distinct external load. */
export function drizzleCopyCount(copies: DrizzleCopies): number {
  return copies.bundled.length + copies.external.length
}
