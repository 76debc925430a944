import { describe, expect, it } from 'vitest'
import { clientAddress, unknownAddress } from './client-address'

const forwardedFor = (value?: string) => new Headers(value === undefined ? {} : { 'X-Forwarded-For': value })

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless proxies are trusted, since a caller can write anything in it', () => {
    expect(clientAddress(forwardedFor('203.0.113.7'), 0)).toBe(unknownAddress)
    expect(clientAddress(forwardedFor(), 0)).toBe(unknownAddress)
  })

  it('takes the entry our one proxy appended: the last, whatever the caller put before it', () => {
    expect(clientAddress(forwardedFor('203.0.113.7'), 1)).toBe('203.0.113.7')
    expect(clientAddress(forwardedFor('1.1.1.1, 2.2.2.2 , 203.0.113.7'), 1)).toBe('203.0.113.7')
  })

  it('counts back one entry per trusted proxy', () => {
    expect(clientAddress(forwardedFor('1.1.1.1, 203.0.113.7, 10.0.0.5'), 2)).toBe('203.0.113.7')
  })

  it('uses the shared bucket when the header is shorter than the proxies, as when they were bypassed', () => {
    expect(clientAddress(forwardedFor('203.0.113.7'), 2)).toBe(unknownAddress)
    expect(clientAddress(forwardedFor(), 1)).toBe(unknownAddress)
    expect(clientAddress(forwardedFor(' , '), 1)).toBe(unknownAddress)
  })

  it('drops ports and accepts IPv6', () => {
    expect(clientAddress(forwardedFor('203.0.113.7:51234'), 1)).toBe('203.0.113.7')
    expect(clientAddress(forwardedFor('[2001:DB8::1]:443'), 1)).toBe('2001:db8::1')
    expect(clientAddress(forwardedFor('2001:db8::1'), 1)).toBe('2001:db8::1')
  })

  it('puts anything that is not an address in the shared bucket rather than a bucket of its own', () => {
    expect(clientAddress(forwardedFor('unknown'), 1)).toBe(unknownAddress)
    expect(clientAddress(forwardedFor('203.0.113.7, not-an-address'), 1)).toBe(unknownAddress)
  })
})
