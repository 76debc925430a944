import { describe, expect, it } from 'vitest'
import { compileAddressAllowlist } from '@/lib/api-clients/address-allowlist'
import type { VerifiedClient } from '@/lib/tokens/verify'
import { fromAllowedAddress } from './allowed-address'

const anywhere: VerifiedClient = { id: 'c1', name: 'Anywhere', expiresOn: '2027-03-31', createdById: 'u1', tokenStopsAt: null }
const office: VerifiedClient = { ...anywhere, name: 'Office', addressAllowlist: compileAddressAllowlist(['192.0.2.0/24', '2001:db8::/32']) }
const forwardedFor = (value?: string) => new Headers(value === undefined ? {} : { 'X-Forwarded-For': value })

describe('fromAllowedAddress', () => {
  it('lets a client without an allowlist call from anywhere, trusted proxy or not', () => {
    expect(fromAllowedAddress(anywhere, forwardedFor('203.0.113.7'), 1)).toBe(true)
    expect(fromAllowedAddress(anywhere, forwardedFor(), 0)).toBe(true)
  })

  it('with TRUST_PROXY on, checks the address our proxy appended, not what the caller wrote before it', () => {
    expect(fromAllowedAddress(office, forwardedFor('192.0.2.10'), 1)).toBe(true)
    expect(fromAllowedAddress(office, forwardedFor('[2001:db8::7]:443'), 1)).toBe(true)
    expect(fromAllowedAddress(office, forwardedFor('203.0.113.7'), 1)).toBe(false)
    expect(fromAllowedAddress(office, forwardedFor('192.0.2.10, 203.0.113.7'), 1)).toBe(false)
    expect(fromAllowedAddress(office, forwardedFor('203.0.113.7, 192.0.2.10'), 1)).toBe(true)
  })

  it('matches an IPv4-mapped IPv6 address written by a dual-stack proxy', () => {
    expect(fromAllowedAddress(office, forwardedFor('::ffff:192.0.2.10'), 1)).toBe(true)
    expect(fromAllowedAddress(office, forwardedFor('::ffff:198.51.100.1'), 1)).toBe(false)
  })

  it('with TRUST_PROXY off, ignores X-Forwarded-For and refuses a client with an allowlist', () => {
    expect(fromAllowedAddress(office, forwardedFor('192.0.2.10'), 0)).toBe(false)
    expect(fromAllowedAddress(office, forwardedFor(), 0)).toBe(false)
  })

  it('refuses a request that bypassed the trusted proxies (too few entries)', () => {
    expect(fromAllowedAddress(office, forwardedFor('192.0.2.10'), 2)).toBe(false)
  })
})
