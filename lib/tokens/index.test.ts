import { describe, expect, it, vi } from 'vitest'
import { generateToken, verifyToken } from './index'

const { getDb } = vi.hoisted(() => ({ getDb: vi.fn(() => Promise.reject(new Error('the database must not be opened'))) }))
vi.mock('@/db', () => ({ getDb }))

describe('verifyToken (process database)', () => {
  it('refuses junk and bad checksums without opening the database', async () => {
    const valid = generateToken('test').plaintext
    const changed = valid.slice(0, -1) + (valid.endsWith('A') ? 'B' : 'A')
    expect(await verifyToken('Bearer nonsense', new Date())).toEqual({ ok: false, reason: 'malformed' })
    expect(await verifyToken(changed, new Date())).toEqual({ ok: false, reason: 'bad-checksum' })
    expect(getDb).not.toHaveBeenCalled()
  })

  it('looks a well-formed token up in the process database', async () => {
    await expect(verifyToken(generateToken('test').plaintext, new Date())).rejects.toThrow('the database must not be opened')
    expect(getDb).toHaveBeenCalledTimes(1)
  })
})
