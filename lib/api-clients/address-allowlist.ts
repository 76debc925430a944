import { BlockList, isIP } from 'node:net'

/** How many callers' answers one compiled list remembers. */
const rememberedAnswers = 1_000

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
  // BlockList.check on a string builds a native SocketAddress each time (about 5 µs, bench/allowlist.ts);
  // a client calls from few addresses, so answers are remembered per address. The list never changes
  // (a change compiles a new one), so a remembered answer cannot go stale; the bound caps the memory a
  // token holder rotating addresses can use.
  const answers = new Map<string, boolean>()
  return {
    allows(address) {
      const known = answers.get(address)
      if (known !== undefined) return known
      // An address that is not an IP address (`unknown`: no trusted proxy said who called) is never allowed.
      const family = isIP(address)
      const allowed = family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4')
      if (answers.size >= rememberedAnswers) answers.clear()
      answers.set(address, allowed)
      return allowed
    },
  }
}
