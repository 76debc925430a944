import { describe, expect, it } from 'vitest'
import { apiClientStatus } from './status'

describe('apiClientStatus', () => {
  const client = { revokedAt: null, expiresOn: '2027-03-31' }

  it('is active up to the end of the expiry date in UK time', () => {
    // 31 March 2027 23:59:59 BST is 22:59:59 UTC.
    expect(apiClientStatus(client, new Date('2027-03-31T22:59:59Z'))).toBe('active')
  })

  it('is expired from 00:00 UK time the day after', () => {
    expect(apiClientStatus(client, new Date('2027-03-31T23:00:00Z'))).toBe('expired')
  })

  it('is revoked whatever the date once revoked', () => {
    expect(apiClientStatus({ ...client, revokedAt: new Date('2026-01-01T00:00:00Z') }, new Date('2026-01-02T00:00:00Z'))).toBe('revoked')
  })
})
