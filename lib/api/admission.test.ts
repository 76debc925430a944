import { beforeEach, describe, expect, it, vi } from 'vitest'
import { compileAddressAllowlist } from '@/lib/api-clients/address-allowlist'
import type { Authentication, Screening } from './authenticate'

const { screenToken, lookUpToken } = vi.hoisted(() => ({
  screenToken: vi.fn<(token: string | undefined, now: Date) => Screening>(),
  lookUpToken: vi.fn<(hash: string, now: Date) => Promise<Authentication>>(),
}))
vi.mock('./authenticate', () => ({ screenToken, lookUpToken }))
// Small limits, counted in memory, with one trusted proxy so each test can have its own address.
vi.mock('@/lib/env', () => ({ env: () => ({ TRUST_PROXY: 1, RATE_LIMIT_PER_CLIENT: 3, RATE_LIMIT_PER_IP: 2, REDIS_KEY_PREFIX: 'test' }) }))

const { admitRequest } = await import('./admission')

const now = new Date('2026-06-01T12:00:00Z')
const client = { id: 'client-1', name: 'Client', expiresOn: '2027-03-31', createdById: 'creator', tokenStopsAt: null }
let address = 0
let from = ''

const request = () => new Request('http://register.test/api/v1/info', { headers: { 'X-Forwarded-For': from, Authorization: 'Bearer token' } })
const unsure: Screening = { decided: undefined, hash: 'hash' }

beforeEach(() => {
  vi.clearAllMocks()
  address += 1
  from = `198.51.100.${address}`
})

describe('admitRequest', () => {
  it('refuses a token decided without the database, counting it against the address until the limit', async () => {
    screenToken.mockReturnValue({ decided: { ok: false, reason: 'malformed' } })
    expect(await admitRequest(request(), now)).toMatchObject({ outcome: 'refused', reason: 'malformed', limit: { remaining: 1 } })
    expect(await admitRequest(request(), now)).toMatchObject({ outcome: 'refused', limit: { remaining: 0 } })
    expect(await admitRequest(request(), now)).toMatchObject({ outcome: 'rate-limited', bucket: 'address', limit: { allowed: false } })
    expect(lookUpToken).not.toHaveBeenCalled()
  })

  it('counts a token the lookup refuses against the address, and answers 429 once that is full', async () => {
    screenToken.mockReturnValue(unsure)
    lookUpToken.mockResolvedValue({ ok: false, reason: 'unknown' })
    expect(await admitRequest(request(), now)).toMatchObject({ outcome: 'refused', reason: 'unknown' })
    expect(await admitRequest(request(), now)).toMatchObject({ outcome: 'refused', reason: 'unknown' })
    expect(await admitRequest(request(), now)).toMatchObject({ outcome: 'rate-limited', bucket: 'address' })
  })

  it('admits a valid token that was not cached from an address whose bucket is full, counting its client instead', async () => {
    screenToken.mockReturnValue({ decided: { ok: false, reason: 'malformed' } })
    for (let index = 0; index < 3; index += 1) await admitRequest(request(), now)
    expect(await admitRequest(request(), now)).toMatchObject({ outcome: 'rate-limited', bucket: 'address' })
    screenToken.mockReturnValue(unsure)
    lookUpToken.mockResolvedValue({ ok: true, client })
    for (let index = 0; index < 3; index += 1) {
      expect(await admitRequest(request(), now)).toMatchObject({ outcome: 'admitted', client, limit: { limit: 3, remaining: 2 - index } })
    }
    expect(await admitRequest(request(), now)).toMatchObject({ outcome: 'rate-limited', bucket: 'client', limit: { remaining: 0 } })
  })

  it('admits a cached client without touching the address bucket or the database', async () => {
    screenToken.mockReturnValue({ decided: { ok: true, client: { ...client, id: 'client-2' } } })
    expect(await admitRequest(request(), now)).toMatchObject({ outcome: 'admitted' })
    expect(lookUpToken).not.toHaveBeenCalled()
    screenToken.mockReturnValue({ decided: { ok: false, reason: 'missing' } })
    expect(await admitRequest(request(), now)).toMatchObject({ outcome: 'refused', reason: 'missing', limit: { remaining: 1 } })
  })

  it('refuses a valid token from outside its allowlist, naming its client, and spends the address bucket, not the client one', async () => {
    const office = { ...client, id: 'client-3', addressAllowlist: compileAddressAllowlist(['192.0.2.0/24']) }
    screenToken.mockReturnValue({ decided: { ok: true, client: office } })
    expect(await admitRequest(request(), now)).toMatchObject({ outcome: 'refused', reason: 'address-not-allowed', clientId: 'client-3', limit: { remaining: 1 } })
    expect(await admitRequest(request(), now)).toMatchObject({ outcome: 'refused', reason: 'address-not-allowed', limit: { remaining: 0 } })
    expect(await admitRequest(request(), now)).toMatchObject({ outcome: 'rate-limited', bucket: 'address', clientId: 'client-3' })
    from = '192.0.2.10'
    expect(await admitRequest(request(), now)).toMatchObject({ outcome: 'admitted', client: office, limit: { limit: 3, remaining: 2 } })
  })
})
