import { describe, expect, it } from 'vitest'
import { apiClientStatus, apiClientTag, statusTags } from './status'

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

describe('apiClientTag', () => {
  const client = { revokedAt: null, expiresOn: '2027-03-31' }

  it('says Expires soon from 00:00 UK time 30 days before the expiry date, in summer time', () => {
    // 1 March 2027 is in GMT: 00:00 UK is 00:00 UTC.
    expect(apiClientTag(client, new Date('2027-02-28T23:59:59Z'))).toBe('active')
    expect(apiClientTag(client, new Date('2027-03-01T00:00:00Z'))).toBe('expires-soon')
  })

  it('uses the UK date in summer time too', () => {
    const summer = { revokedAt: null, expiresOn: '2027-07-31' }
    // 1 July 2027 00:00 BST is 30 June 23:00 UTC.
    expect(apiClientTag(summer, new Date('2027-06-30T22:59:59Z'))).toBe('active')
    expect(apiClientTag(summer, new Date('2027-06-30T23:00:00Z'))).toBe('expires-soon')
  })

  it('keeps saying Expires soon on the expiry date, then Expired', () => {
    expect(apiClientTag(client, new Date('2027-03-31T22:59:59Z'))).toBe('expires-soon')
    expect(apiClientTag(client, new Date('2027-03-31T23:00:00Z'))).toBe('expired')
  })

  it('never says it of a revoked client', () => {
    expect(apiClientTag({ ...client, revokedAt: new Date('2027-03-20T00:00:00Z') }, new Date('2027-03-25T12:00:00Z'))).toBe('revoked')
  })

  it('is the yellow tag', () => {
    expect(statusTags['expires-soon']).toEqual({ text: 'Expires soon', classes: 'govuk-tag--yellow' })
  })
})
