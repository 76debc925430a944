import type { Env } from '../lib/env'
import type { ConnectionOptions } from './client'

type DatabaseEnv = Partial<Pick<Env, 'DATABASE_URL' | 'DATABASE_DIRECT_URL' | 'DATABASE_POOLED'>>

/**
 * Where the service's connections go. DATABASE_DIRECT_URL (default DATABASE_URL) is for LISTEN and session
 * advisory locks, which need a session of their own. The pool counts as a transaction-pooling PgBouncer
 * when DATABASE_POOLED says so, else when a different direct URL is given: that is why one would be given.
 */
export function connectionSettings(values: DatabaseEnv): Pick<ConnectionOptions, 'url' | 'directUrl' | 'pooled'> {
  const url = values.DATABASE_URL
  if (url === undefined) return {}
  const directUrl = values.DATABASE_DIRECT_URL ?? url
  return { url, directUrl, pooled: values.DATABASE_POOLED ?? directUrl !== url }
}
