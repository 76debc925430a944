import crypto, { createHmac, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  hmacSha256Hex,
  base62Alphabet,
  checkTokenShape,
  generateToken,
  hashToken,
  randomBase62,
  tokenChecksum,
  tokenPattern,
  tokenPatternSource,
  type RandomSource,
} from './format'

/** Bytes start, start+1, … wrapping at 256: a predictable source for pinned vectors. */
const countingBytes = (start: number): RandomSource => {
  let next = start
  return (size) => Uint8Array.from({ length: size }, () => next++ & 255)
}

const pepper = 'test-pepper-not-a-secret'

// Pinned once and checked against Python's zlib.crc32 and hmac; if these change, every issued token breaks.
const vectors = [
  {
    environment: 'test',
    start: 0,
    plaintext: 'rotp_test_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg13EIOp',
    checksum: '13EIOp', // CRC32 963869163
    hint: '0123',
    hash: '5335f834afbcec4a9afbe306b3a9af6e89ad6f747697761a4a056ea528f35479',
  },
  {
    // Starting at 240: bytes 248–255 must be skipped (rejection sampling), so 's'…'z' is followed by '0'.
    environment: 'live',
    start: 240,
    plaintext: 'rotp_live_stuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXY1tfhAe',
    checksum: '1tfhAe', // CRC32 1738768712
    hint: 'stuv',
    hash: '44ca6f53d8c4753d5c4d010ad4f992a478c45140c40f865efe1d49ddd6687f4a',
  },
] as const

describe('token test vectors', () => {
  it.each(vectors)('generates the pinned $environment token from a fixed random source', (vector) => {
    const token = generateToken(vector.environment, countingBytes(vector.start))
    expect(token).toEqual({ plaintext: vector.plaintext, hint: vector.hint })
    expect(tokenChecksum(vector.plaintext.slice(0, -6))).toBe(vector.checksum)
    expect(hashToken(vector.plaintext, pepper)).toBe(vector.hash)
    expect(checkTokenShape(vector.plaintext)).toBe('ok')
  })

  it('pads short checksums with zeros', () => {
    expect(tokenChecksum('')).toBe('000000') // CRC32 of nothing is 0
  })

  it('uses the documented alphabet order', () => {
    expect(base62Alphabet).toBe('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')
  })
})

describe('generateToken', () => {
  it('makes 1,000 distinct tokens that match the pattern and pass the shape check', () => {
    const tokens = Array.from({ length: 1000 }, () => generateToken('test'))
    expect(new Set(tokens.map((token) => token.plaintext)).size).toBe(1000)
    for (const { plaintext, hint } of tokens) {
      expect(plaintext).toMatch(tokenPattern)
      expect(plaintext).toHaveLength(59)
      expect(checkTokenShape(plaintext)).toBe('ok')
      expect(hint).toBe(plaintext.slice(10, 14))
    }
  })

  it('uses the environment word', () => {
    expect(generateToken('live').plaintext.startsWith('rotp_live_')).toBe(true)
    expect(generateToken('test').plaintext.startsWith('rotp_test_')).toBe(true)
  })

  it('lets secret scanners find a leaked token in surrounding text', () => {
    const { plaintext } = generateToken('live')
    const found = `curl -H "Authorization: Bearer ${plaintext}" https://example`.match(new RegExp(tokenPatternSource))
    expect(found?.[0]).toBe(plaintext)
  })
})

describe('randomBase62', () => {
  it('maps every byte value below 248 to each digit exactly 4 times and skips the rest', () => {
    // One full cycle of byte values: with modulo alone, digits 0–7 would appear 5 times.
    const text = randomBase62(248, countingBytes(0))
    const counts = new Map<string, number>()
    for (const character of text) counts.set(character, (counts.get(character) ?? 0) + 1)
    expect(counts.size).toBe(62)
    expect([...counts.values()].every((count) => count === 4)).toBe(true)
  })

  it('has no modulo bias over many samples from the system source', () => {
    const text = randomBase62(62 * 2000)
    const favouredByModulo = new Set('01234567')
    let favoured = 0
    for (const character of text) if (favouredByModulo.has(character)) favoured += 1
    // Unbiased: 8/62 of the samples (16,000 ± ~120). Modulo bias would give 8 × 5/256 of them (19,375).
    expect(favoured / text.length).toBeGreaterThan((8 / 62) * 0.95)
    expect(favoured / text.length).toBeLessThan((8 / 62) * 1.05)
  })

  it('refuses a random source that returns nothing rather than looping forever', () => {
    expect(() => randomBase62(4, () => new Uint8Array(0))).toThrow()
  })
})

describe('checkTokenShape', () => {
  const [{ plaintext: valid }] = vectors

  it('says bad-checksum or malformed for every single-character change', () => {
    for (let index = 0; index < valid.length; index += 1) {
      for (const replacement of `${base62Alphabet}_-. `) {
        if (replacement === valid[index]) continue
        const changed = valid.slice(0, index) + replacement + valid.slice(index + 1)
        const expected = index >= 10 && base62Alphabet.includes(replacement) ? 'bad-checksum' : 'malformed'
        expect(checkTokenShape(changed), `${changed}`).toBe(expected)
      }
    }
  })

  it.each([
    ['empty', ''],
    ['leading space', ` ${valid}`],
    ['trailing newline', `${valid}\n`],
    ['trailing space', `${valid} `],
    ['upper-case prefix', valid.replace('rotp_', 'ROTP_')],
    ['other prefix', valid.replace('rotp_', 'rotx_')],
    ['other environment', valid.replace('_test_', '_prod_')],
    ['upper-case environment', valid.replace('_test_', '_TEST_')],
    ['missing environment', valid.replace('test_', '')],
    ['one character short', valid.slice(0, -1)],
    ['one character long', `${valid}0`],
    ['bearer scheme included', `Bearer ${valid}`],
    ['non-ASCII letter', `${valid.slice(0, -7)}é${valid.slice(-6)}`],
  ])('says malformed for %s', (_label, candidate) => {
    expect(checkTokenShape(candidate)).toBe('malformed')
  })

  it('accepts both environment words, whatever this server uses', () => {
    expect(checkTokenShape(vectors[1].plaintext)).toBe('ok')
  })
})

describe('hashToken', () => {
  it('depends on the pepper', () => {
    expect(hashToken(vectors[0].plaintext, 'another-pepper')).not.toBe(vectors[0].hash)
  })

  // Peppers shorter than SHA-256's 64-byte block, exactly one block, and longer (hashed first), one not ASCII.
  const peppers = ['p', 'x'.repeat(63), 'a'.repeat(64), 'b'.repeat(65), 'c'.repeat(200), 'pépper – ünïcode', randomBytes(32).toString('hex')]
  const messages = ['', vectors[0].plaintext, 'é'.repeat(40), 'x'.repeat(1000)]

  it.each(peppers)('is the HMAC-SHA256 createHmac computes, both ways it can be computed (pepper %s)', (pepper) => {
    for (const message of messages) {
      const expected = createHmac('sha256', pepper).update(message, 'utf8').digest('hex')
      expect(hashToken(message, pepper)).toBe(expected)
      expect(hmacSha256Hex(message, pepper, crypto.hash)).toBe(expected)
      expect(hmacSha256Hex(message, pepper, undefined)).toBe(expected)
    }
  })
})
