import { describe, expect, it } from 'vitest'
import { apiClientChangesSchema, apiClientSnapshotSchema, userChangesSchema, userSnapshotSchema } from './snapshots'

describe('revision schemas', () => {
  it('read a user snapshot and its changes as the commands write them', () => {
    const snapshot = { firstName: 'Anne', lastName: 'Wilson', email: 'anne.wilson@education.gov.uk', apiUser: false, active: true, deletedAt: null }
    expect(userSnapshotSchema.parse(snapshot)).toEqual(snapshot)
    expect(userChangesSchema.parse({ apiUser: { from: true, to: false } })).toEqual({ apiUser: { from: true, to: false } })
  })

  it('read an API client snapshot and a revocation', () => {
    const snapshot = { name: 'Acme', expiresOn: '2027-03-31', tokenHint: 'abcd', createdById: 'id', revokedAt: '2026-06-01T12:00:00.000Z', deletedAt: null }
    expect(apiClientSnapshotSchema.parse(snapshot)).toEqual(snapshot)
    expect(apiClientChangesSchema.parse({ revokedAt: { from: null, to: '2026-06-01T12:00:00.000Z' } })).toMatchObject({ revokedAt: { from: null } })
  })

  it('read allowed IP addresses where a revision has them, and older revisions without them', () => {
    const older = { name: 'Acme', expiresOn: '2027-03-31', tokenHint: 'abcd', createdById: 'id', revokedAt: null, deletedAt: null }
    expect(apiClientSnapshotSchema.parse(older).allowedAddresses).toBeUndefined()
    expect(apiClientSnapshotSchema.parse({ ...older, allowedAddresses: ['192.0.2.0/24'] }).allowedAddresses).toEqual(['192.0.2.0/24'])
    const change = { allowedAddresses: { from: [], to: ['2001:db8::/32'] } }
    expect(apiClientChangesSchema.parse(change)).toEqual(change)
    expect(() => apiClientChangesSchema.parse({ allowedAddresses: { from: [], to: '2001:db8::/32' } })).toThrow()
  })

  it('refuse a field of the wrong type, so a drift between writer and reader shows at once', () => {
    expect(() => userSnapshotSchema.parse({ firstName: 'Anne', lastName: 'Wilson', email: 'a@b', apiUser: 'no', active: true, deletedAt: null })).toThrow()
    expect(() => apiClientChangesSchema.parse({ name: { from: 1, to: 'Acme' } })).toThrow()
  })
})
