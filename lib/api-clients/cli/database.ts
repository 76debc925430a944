import { resolve } from 'node:path'

/**
 * The line that tells the operator which database a command is about to use: the PostgreSQL server and
 * database name (never the user name or password in the URL), or the embedded database's folder.
 */
export function describeDatabase({ url, pgliteDir }: { url?: string; pgliteDir: string }): string {
  if (url) {
    const parsed = new URL(url)
    return `Using PostgreSQL database ${decodeURIComponent(parsed.pathname.slice(1)) || '(default)'} on ${parsed.host} (DATABASE_URL)`
  }
  const where = pgliteDir.startsWith('memory://') ? 'in memory' : `in ${resolve(pgliteDir)}`
  // PGlite belongs to one process: a running `npm run dev` on the same folder must be stopped first.
  return `Using the embedded database ${where} (DATABASE_URL is not set; stop npm run dev first if it uses the same folder)`
}
