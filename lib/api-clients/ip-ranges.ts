import { isIP } from 'node:net'

/** One address range: its first address as a number, its prefix length and its family. */
export type IpRange = { family: 4 | 6; first: bigint; prefix: number }

const bitsOf = (family: 4 | 6) => (family === 4 ? 32 : 128)
const ipv4MappedBase = 0xffffn << 32n

function ipv4ToNumber(address: string): bigint {
  return address.split('.').reduce((total, part) => (total << 8n) + BigInt(part), 0n)
}

function numberToIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.')
}

/**
 * An IPv6 address as a number. The WHATWG URL parser writes any valid form (an IPv4 tail, upper case,
 * leading zeros) in one canonical form first, so only `::` is left to expand here.
 */
function ipv6ToNumber(address: string): bigint {
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1)
  const [head = '', tail] = canonical.split('::')
  const groups = (text: string) => (text === '' ? [] : text.split(':'))
  const left = groups(head)
  const right = tail === undefined ? [] : groups(tail)
  const all = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
  return all.reduce((total, group) => (total << 16n) + BigInt(`0x${group}`), 0n)
}

/** An IPv6 number in RFC 5952's canonical text (lower case, the longest run of zero groups as `::`), via the URL parser. */
function numberToIpv6(value: bigint): string {
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) => ((value >> shift) & 0xffffn).toString(16))
  return new URL(`http://[${groups.join(':')}]/`).hostname.slice(1, -1)
}

/** `a.b.c.d`, or IPv6 without a zone (`%eth0` names an interface on the caller's machine, meaningless here). */
function parseAddress(text: string): { family: 4 | 6; value: bigint } | undefined {
  const family = isIP(text)
  if (family === 4) return { family, value: ipv4ToNumber(text) }
  if (family === 6 && !text.includes('%')) return { family, value: ipv6ToNumber(text) }
  return undefined
}

/** The result of reading one line: a range, or why it is not one (`start` is the range's real first address). */
export type RangeReading = { ok: true; range: IpRange } | { ok: false; reason: 'format' } | { ok: false; reason: 'not-start'; start: string }

/**
 * Reads `address` or `address/prefix`. An IPv4-mapped IPv6 range (`::ffff:192.0.2.0/120`) is read as the IPv4
 * range it is, so a list holds one spelling of each range and its duplicates can be found.
 */
export function readIpRange(text: string): RangeReading {
  const match = /^([^/\s]+)(?:\/(\d{1,3}))?$/.exec(text)
  const parsed = match?.[1] === undefined ? undefined : parseAddress(match[1])
  if (!match || !parsed) return { ok: false, reason: 'format' }
  let { family, value } = parsed
  let prefix = match[2] === undefined ? bitsOf(family) : Number(match[2])
  if (prefix > bitsOf(family)) return { ok: false, reason: 'format' }
  if (family === 6 && prefix >= 96 && value >> 32n === 0xffffn) {
    family = 4
    value -= ipv4MappedBase
    prefix -= 96
  }
  const hostBits = BigInt(bitsOf(family) - prefix)
  const first = (value >> hostBits) << hostBits
  // 10.0.0.1/24 is more likely a typing slip than a wish for 10.0.0.0/24: say so rather than widen it silently.
  if (first !== value) return { ok: false, reason: 'not-start', start: formatIpRange({ family, first, prefix }) }
  return { ok: true, range: { family, first, prefix } }
}

/** The range's first address, as canonical text. */
export function rangeAddress(range: IpRange): string {
  return range.family === 4 ? numberToIpv4(range.first) : numberToIpv6(range.first)
}

/** A range as stored and shown: always `address/prefix`, so `192.0.2.10` is kept as `192.0.2.10/32`. */
export function formatIpRange(range: IpRange): string {
  return `${rangeAddress(range)}/${range.prefix}`
}
