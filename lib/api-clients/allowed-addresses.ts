import { formatIpRange, readIpRange } from './ip-ranges'

/** Most ranges one client may list: enough for any organisation's egress, few enough to read on one page. */
export const maxAllowedAddresses = 50

/** The messages the form shows (docs/product/api-clients.md#allowed-ip-addresses). */
export const allowedAddressMessages = {
  format: (line: number) => `Line ${line} must be an IP address, like 192.0.2.10, or a range, like 198.51.100.0/24`,
  notStart: (line: number, start: string) => `Line ${line} must start at the first address of its range, like ${start}`,
  tooMany: `Enter ${maxAllowedAddresses} IP addresses or ranges or fewer`,
}

export type AllowedAddressesResult = { ok: true; addresses: string[] } | { ok: false; message: string }

/**
 * Reads the allowed IP addresses as typed: one address or CIDR range per line, IPv4 or IPv6, blank lines
 * and surrounding spaces ignored. Each is stored as canonical `address/prefix` (`192.0.2.10` becomes
 * `192.0.2.10/32`, `2001:DB8::0/32` becomes `2001:db8::/32`), in the order typed, without duplicates.
 * The first wrong line is named, since a person fixing a long list needs to find it. Empty means any address.
 */
export function parseAllowedAddresses(raw: string): AllowedAddressesResult {
  const addresses = new Set<string>()
  const lines = raw.split(/\r\n|\r|\n/)
  for (const [index, line] of lines.entries()) {
    const text = line.trim()
    if (text === '') continue
    const reading = readIpRange(text)
    if (!reading.ok) {
      const message = reading.reason === 'format' ? allowedAddressMessages.format(index + 1) : allowedAddressMessages.notStart(index + 1, reading.start)
      return { ok: false, message }
    }
    addresses.add(formatIpRange(reading.range))
  }
  if (addresses.size > maxAllowedAddresses) return { ok: false, message: allowedAddressMessages.tooMany }
  return { ok: true, addresses: [...addresses] }
}

/** A stored range as people read it: a single address without its `/32` or `/128`. */
export function shownAllowedAddress(stored: string): string {
  const single = stored.includes(':') ? '/128' : '/32'
  return stored.endsWith(single) ? stored.slice(0, -single.length) : stored
}

/** A stored list as the textarea shows it again: one per line. */
export function allowedAddressesText(stored: readonly string[]): string {
  return stored.map(shownAllowedAddress).join('\n')
}
