import 'server-only'
import { cookies } from 'next/headers'
import { flashCookieName } from './flash-cookie'

/** The success messages the service shows once after a change (docs/decisions/0008; each docs/product page lists its own). */
export const flashMessages = {
  'api-client-updated': 'API client updated',
  'api-client-revoked': 'API client revoked',
  'api-client-deleted': 'API client deleted',
  'user-added': 'User added',
  'user-updated': 'User updated',
  'user-deactivated': 'User deactivated',
  'user-reactivated': 'User reactivated',
  'user-deleted': 'User deleted',
} as const

export type FlashKey = keyof typeof flashMessages

/**
 * Leaves a success message for the page at `path`. The cookie holds only a known key and the path;
 * proxy.ts removes it from the browser on the next request, so a reload does not show it again.
 */
export async function setFlash(key: FlashKey, path: string): Promise<void> {
  const jar = await cookies()
  jar.set(flashCookieName, JSON.stringify({ key, path }), { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 60 })
}

/** The success message left for this page, if any. */
export async function readFlash(path: string): Promise<string | undefined> {
  const value = (await cookies()).get(flashCookieName)?.value
  if (!value) return undefined
  try {
    const parsed = JSON.parse(value) as { key?: unknown; path?: unknown }
    if (parsed.path !== path || typeof parsed.key !== 'string' || !(parsed.key in flashMessages)) return undefined
    return flashMessages[parsed.key as FlashKey]
  } catch {
    return undefined
  }
}
