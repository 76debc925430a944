import { BlockList, isIP } from 'node:net'

/** A client's allowed addresses, compiled once for checking on every request. */
export type AddressAllowlist = { allows(address: string): boolean }

/**
 * Compiles stored ranges (`address/prefix`, lib/api-clients/allowed-addresses.ts) into one node:net
 * BlockList, or undefined for an empty list, which allows any address. BlockList matches an IPv4-mapped
 * IPv6 caller (`::ffff:192.0.2.10`) against IPv4 ranges too, so a dual-stack proxy's way of writing the
 * address does not lock a client out. Compiled once per cached verification, not per request.
 */
export function compileAddressAllowlist(ranges: readonly string[]): AddressAllowlist | undefined {
  if (ranges.length === 0) return undefined
  const list = new BlockList()
  for (const range of ranges) {
    const [address = '', prefix = ''] = range.split('/')
    list.addSubnet(address, Number(prefix), isIP(address) === 6 ? 'ipv6' : 'ipv4')
  }
  return {
    // An address that is not an IP address (`unknown`: no trusted proxy said who called) is never allowed.
    allows(address) {
      const family = isIP(address)
      return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4')
    },
  }
}
