import { describe, expect, it } from 'vitest'
import { allowedAddressesText, maxAllowedAddresses, parseAllowedAddresses, shownAllowedAddress } from './allowed-addresses'

const format = (line: number) => `Line ${line} must be an IP address, like 192.0.2.10, or a range, like 198.51.100.0/24`

describe('parseAllowedAddresses', () => {
  it('means any address when empty or blank', () => {
    expect(parseAllowedAddresses('')).toEqual({ ok: true, addresses: [] })
    expect(parseAllowedAddresses(' \n\r\n\t\n')).toEqual({ ok: true, addresses: [] })
  })

  it('stores single IPv4 addresses and ranges as address/prefix', () => {
    expect(parseAllowedAddresses('192.0.2.10\n198.51.100.0/24\n0.0.0.0/0')).toEqual({
      ok: true,
      addresses: ['192.0.2.10/32', '198.51.100.0/24', '0.0.0.0/0'],
    })
  })

  it('stores IPv6 in its canonical form', () => {
    expect(parseAllowedAddresses('2001:DB8:0:0::/32\n2001:0db8::0001\n::1\n2001:db8:0:0:1:0:0:0/112')).toEqual({
      ok: true,
      addresses: ['2001:db8::/32', '2001:db8::1/128', '::1/128', '2001:db8:0:0:1::/112'],
    })
  })

  it('reads a mixed list with blank lines, spaces and Windows line endings', () => {
    expect(parseAllowedAddresses('  192.0.2.10 \r\n\r\n2001:db8::/32\t\n')).toEqual({ ok: true, addresses: ['192.0.2.10/32', '2001:db8::/32'] })
  })

  it('reads IPv4-mapped IPv6 as the IPv4 address it is, so each is listed once', () => {
    expect(parseAllowedAddresses('::ffff:192.0.2.10\n192.0.2.10\n::ffff:c633:6400/120')).toEqual({
      ok: true,
      addresses: ['192.0.2.10/32', '198.51.100.0/24'],
    })
  })

  it('removes duplicates, however they were written, keeping the first', () => {
    expect(parseAllowedAddresses('192.0.2.10\n192.0.2.10/32\n2001:db8::1\n2001:DB8:0::1/128')).toEqual({
      ok: true,
      addresses: ['192.0.2.10/32', '2001:db8::1/128'],
    })
  })

  it.each([
    ['not an address', 'example.com'],
    ['an IPv4 part over 255', '192.0.2.256'],
    ['a short IPv4 address', '192.0.2'],
    ['leading zeros', '192.000.002.010'],
    ['an IPv4 prefix over 32', '192.0.2.0/33'],
    ['an IPv6 prefix over 128', '2001:db8::/129'],
    ['an empty prefix', '192.0.2.0/'],
    ['a range written as two addresses', '192.0.2.1-192.0.2.9'],
    ['a port', '192.0.2.10:443'],
    ['an IPv6 zone', 'fe80::1%eth0'],
    ['two addresses on a line', '192.0.2.10 192.0.2.11'],
    ['a netmask', '192.0.2.0/255.255.255.0'],
  ])('names the line with %s', (_case, text) => {
    expect(parseAllowedAddresses(`192.0.2.1\n\n${text}\n192.0.2.2`)).toEqual({ ok: false, message: format(3) })
  })

  it('names the first wrong line when there are several', () => {
    expect(parseAllowedAddresses('nonsense\n192.0.2.300')).toEqual({ ok: false, message: format(1) })
  })

  it('refuses a range that does not start at its first address, and says which address that is', () => {
    expect(parseAllowedAddresses('192.0.2.10/24')).toEqual({ ok: false, message: 'Line 1 must start at the first address of its range, like 192.0.2.0/24' })
    expect(parseAllowedAddresses('\n2001:db8::1/32')).toEqual({ ok: false, message: 'Line 2 must start at the first address of its range, like 2001:db8::/32' })
  })

  it(`accepts ${maxAllowedAddresses} ranges and refuses one more`, () => {
    const lines = (count: number) => Array.from({ length: count }, (_, index) => `192.0.2.${index}`).join('\n')
    expect(parseAllowedAddresses(lines(maxAllowedAddresses))).toMatchObject({ ok: true })
    expect(parseAllowedAddresses(lines(maxAllowedAddresses + 1))).toEqual({ ok: false, message: 'Enter 50 IP addresses or ranges or fewer' })
  })

  it('counts ranges, not lines, towards the maximum', () => {
    const repeated = Array.from({ length: maxAllowedAddresses + 5 }, () => '192.0.2.10').join('\n')
    expect(parseAllowedAddresses(repeated)).toEqual({ ok: true, addresses: ['192.0.2.10/32'] })
  })
})

describe('shownAllowedAddress', () => {
  it('shows single addresses without their prefix, and ranges with it', () => {
    expect(shownAllowedAddress('192.0.2.10/32')).toBe('192.0.2.10')
    expect(shownAllowedAddress('2001:db8::1/128')).toBe('2001:db8::1')
    expect(shownAllowedAddress('2001:db8::/32')).toBe('2001:db8::/32')
    expect(shownAllowedAddress('198.51.100.0/24')).toBe('198.51.100.0/24')
  })

  it('gives back text the parser reads as the same list', () => {
    const stored = ['192.0.2.10/32', '2001:db8::/32', '2001:db8::1/128']
    expect(parseAllowedAddresses(allowedAddressesText(stored))).toEqual({ ok: true, addresses: stored })
  })
})
