import { describe, expect, it, vi } from 'vitest'
import { env } from '@/lib/env'
import { generateToken, hashToken } from '@/lib/tokens/format'
import { screenToken } from './authenticate'

// Screening decides before the database, or not at all: opening it here would be a bug.
const { getConnection } = vi.hoisted(() => ({ getConnection: vi.fn(() => Promise.reject(new Error('the database must not be opened'))) }))
vi.mock('@/db', () => ({ getConnection }))

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
})
