import { isIP } from 'node:net'

/**
 * The bucket key for callers whose address cannot be known: without a trusted proxy every caller can
 * write any X-Forwarded-For it likes, so per-address buckets would be free to dodge. One shared bucket
 * still caps how often refused tokens reach the database (docs/decisions/0006-rate-limits.md).
 */
export const unknownAddress = 'unknown'

/** `203.0.113.7:51234` and `[2001:db8::1]:443` → the address alone; anything else unchanged. */
function withoutPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry)
  if (bracketed?.[1]) return bracketed[1]
  const ipv4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry)
  return ipv4WithPort?.[1] ?? entry
}

/**
 * The caller's address for per-address rate limits. Route handlers cannot see the socket, so with
 * `trustedProxies` = N (TRUST_PROXY) it is the Nth X-Forwarded-For entry from the right: the one the
 * outermost of our own proxies appended, which a caller cannot forge. With 0, or a header too short
 * for N proxies (a request that bypassed them), it is `unknownAddress`.
 */
export function clientAddress(headers: Headers, trustedProxies: number): string {
  return clientAddressIn(headers.get('x-forwarded-for'), trustedProxies)
}

/** clientAddress for the X-Forwarded-For value alone (the front door has a Node request, not a Request). */
export function clientAddressIn(forwardedFor: string | null | undefined, trustedProxies: number): string {
  if (trustedProxies < 1) return unknownAddress
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
  const entry = entries[entries.length - trustedProxies]
  if (entry === undefined) return unknownAddress
  const address = withoutPort(entry).toLowerCase()
  return isIP(address) === 0 ? unknownAddress : address
}
