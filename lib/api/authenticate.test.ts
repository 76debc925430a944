import { describe, expect, it, vi } from 'vitest'
import { env } from '@/lib/env'
import { verificationCache } from '@/lib/token-cache/client-changes'
import { generateToken, hashToken } from '@/lib/tokens/format'
import { screenToken } from './authenticate'
import { unknownTokens } from './unknown-tokens'

// Screening decides before the database, or not at all: opening it here would be a bug.
const { getConnection } = vi.hoisted(() => ({ getConnection: vi.fn(() => Promise.reject(new Error('the database must not be opened'))) }))
vi.mock('@/db', () => ({ getConnection }))
// As when this instance's listener is up: the cache may decide (the listener itself is tested with a database).
vi.mock('@/lib/token-cache/change-listener', () => ({ cacheIsTrustworthy: () => true, listenForClientChanges: () => undefined }))

const now = new Date('2026-06-01T12:00:00Z')
const valid = generateToken('test').plaintext
const changedLastCharacter = valid.slice(0, -1) + (valid.endsWith('A') ? 'B' : 'A')

describe('screenToken', () => {
  it('refuses a missing token', () => {
    expect(screenToken(undefined, now)).toEqual({ decided: { ok: false, reason: 'missing' } })
  })

  it.each([
    ['malformed', 'not-a-token'],
    ['malformed', ''],
    ['malformed', ` ${valid}`],
    ['bad-checksum', changedLastCharacter],
  ])('refuses as %s without the database: %j', (reason, token) => {
    expect(screenToken(token, now)).toEqual({ decided: { ok: false, reason } })
    expect(getConnection).not.toHaveBeenCalled()
  })

  it('hands on only the hash of a well-formed token it has not cached, hashed once here', () => {
    expect(screenToken(valid, now)).toEqual({ decided: undefined, hash: hashToken(valid, env().TOKEN_PEPPER) })
    expect(getConnection).not.toHaveBeenCalled()
  })

  describe('a cached client', () => {
    const client = { id: 'c1', name: 'Cached', expiresOn: '2027-03-31', createdById: 'u1', tokenStopsAt: null }
    const cache = (token: string, tokenStopsAt: string | null, at = now, expiresOn = client.expiresOn) => {
      const cached = verificationCache()
      cached.set(hashToken(token, env().TOKEN_PEPPER), { ...client, expiresOn, tokenStopsAt }, at.getTime(), cached.generation)
    }

    it('is accepted from memory while its token works', () => {
      const token = generateToken('test').plaintext
      cache(token, null)
      expect(screenToken(token, now)).toEqual({ decided: { ok: true, client } })
    })

    it("is refused from the instant a replaced token's overlap ends, without waiting for any notification", () => {
      const token = generateToken('test').plaintext
      const stopsAt = new Date(now.getTime() + 1_000).toISOString()
      cache(token, stopsAt)
      expect(screenToken(token, now)).toMatchObject({ decided: { ok: true } })
      expect(screenToken(token, new Date(now.getTime() + 999))).toMatchObject({ decided: { ok: true } })
      expect(screenToken(token, new Date(stopsAt))).toEqual({ decided: { ok: false, reason: 'replaced', clientId: 'c1' } })
    })

    it('is refused from 00:00 UK time after its expiry date', () => {
      const token = generateToken('test').plaintext
      const lastSecond = new Date('2026-06-01T22:59:59Z') // 23:59:59 in the UK, in summer time
      cache(token, null, lastSecond, '2026-06-01')
      expect(screenToken(token, lastSecond)).toMatchObject({ decided: { ok: true } })
      expect(screenToken(token, new Date('2026-06-01T23:00:00Z'))).toEqual({ decided: { ok: false, reason: 'expired', clientId: 'c1' } })
    })
  })

  it('refuses a hash found unknown since the last change to any client, without the database, until a client changes', () => {
    const token = generateToken('test').plaintext
    const hash = hashToken(token, env().TOKEN_PEPPER)
    unknownTokens().add(hash, verificationCache().generation)
    expect(screenToken(token, now)).toEqual({ decided: { ok: false, reason: 'unknown' } })
    // Any client changing (a person reactivated, say) may have made it valid: back to the database.
    verificationCache().clear()
    expect(screenToken(token, now)).toEqual({ decided: undefined, hash })
    expect(getConnection).not.toHaveBeenCalled()
  })
})
