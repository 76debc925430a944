import { unknownPath } from '@/lib/api/methods'

/**
 * Every path under /api that no other route has (/api/v0/…, /api/v2/…, an unknown /api/v1/… or /api/health/…):
 * a problem+json 404, never a page or a redirect to sign-in. Next prefers every more specific route to this one.
 */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = unknownPath()
