import { describe, expect, it } from 'vitest'
import { compileAddressAllowlist } from './address-allowlist'
import { parseAllowedAddresses } from './allowed-addresses'

function allowlist(text: string) {
  const parsed = parseAllowedAddresses(text)
  if (!parsed.ok) throw new Error(parsed.message)
  return compileAddressAllowlist(parsed.addresses)
}

describe('compileAddressAllowlist', () => {
  it('has nothing to check for an empty list, which allows any address', () => {
    expect(compileAddressAllowlist([])).toBeUndefined()
  })

  it('allows a single IPv4 address and nothing next to it', () => {
    const list = allowlist('192.0.2.10')
    expect(list?.allows('192.0.2.10')).toBe(true)
    expect(list?.allows('192.0.2.11')).toBe(false)
    expect(list?.allows('192.0.2.9')).toBe(false)
  })

  it('allows every address in an IPv4 range, from its first to its last', () => {
    const list = allowlist('198.51.100.0/24')
    expect(list?.allows('198.51.100.0')).toBe(true)
    expect(list?.allows('198.51.100.255')).toBe(true)
    expect(list?.allows('198.51.101.0')).toBe(false)
  })

  it('allows IPv6 ranges and addresses', () => {
    const list = allowlist('2001:db8::/32\n2001:db9::1')
    expect(list?.allows('2001:db8:ffff::1')).toBe(true)
    expect(list?.allows('2001:db9::1')).toBe(true)
    expect(list?.allows('2001:db9::2')).toBe(false)
    expect(list?.allows('2001:dba::1')).toBe(false)
  })

  it('matches an IPv4-mapped IPv6 caller against IPv4 entries, and an IPv4 caller against mapped entries', () => {
    expect(allowlist('1.2.3.4/32')?.allows('::ffff:1.2.3.4')).toBe(true)
    expect(allowlist('1.2.3.4/32')?.allows('::ffff:102:304')).toBe(true)
    expect(allowlist('1.2.3.4/32')?.allows('::ffff:1.2.3.5')).toBe(false)
    expect(allowlist('::ffff:1.2.3.0/120')?.allows('1.2.3.200')).toBe(true)
  })

  it('does not treat an IPv4 address as the IPv6 address with the same bits', () => {
    expect(allowlist('::102:304')?.allows('1.2.3.4')).toBe(false)
    expect(allowlist('1.2.3.4')?.allows('::102:304')).toBe(false)
  })

  it('never allows a caller whose address is unknown (no trusted proxy) or not an address', () => {
    const list = allowlist('0.0.0.0/0\n::/0')
    expect(list?.allows('unknown')).toBe(false)
    expect(list?.allows('')).toBe(false)
    expect(list?.allows('203.0.113.7')).toBe(true)
  })
})

describe('a compiled allowlist asked about many callers', () => {
  it('gives the same answers when asked again, past the number it remembers', () => {
    const list = allowlist('10.0.0.0/22')
    const addresses = Array.from({ length: 1_500 }, (_, index) => `10.0.${index >> 8}.${index & 255}`)
    const first = addresses.map((address) => list?.allows(address))
    const again = addresses.map((address) => list?.allows(address))
    expect(again).toEqual(first)
    expect(first.filter(Boolean)).toHaveLength(1_024)
  })
})
