/**
 * The API token format (docs/product/tokens.md): `rotp_<live|test>_<43 random base62><6 base62 CRC32>`, 59 characters.
 * 43 base62 characters carry 43 × log2(62) ≈ 256.03 bits, so the randomness is at least 256 bits. The
 * checksum lets us refuse typos and junk without a database query, and lets secret scanners tell a real
 * leak from a lookalike string.
 */
import crypto, { createHash, createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto'
import CRC32 from 'crc-32'

export type TokenEnvironment = 'live' | 'test'

/** A new token: the plaintext is shown once to its creator; only its hash and hint are stored. */
export type GeneratedToken = { plaintext: string; hint: string }

/** Fills `size` random bytes. Injectable so tests can pin exact tokens. */
export type RandomSource = (size: number) => Uint8Array

/** What a token's shape says before any lookup. */
export type TokenShape = 'ok' | 'malformed' | 'bad-checksum'

/**
 * Base62 digits in ASCII order: digits, then upper case, then lower case. The order is part of the
 * format: the checksum's encoding depends on it, so changing it would invalidate every issued token.
 */
export const base62Alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

export const tokenPrefix = 'rotp_'
export const randomLength = 43
export const checksumLength = 6
export const hintLength = 4

/** The unanchored pattern, as published in the README for secret scanners (`rotp_(live|test)_[0-9A-Za-z]{49}`). */
export const tokenPatternSource = `${tokenPrefix}(live|test)_[0-9A-Za-z]{${randomLength + checksumLength}}`

/** A whole string that is shaped like a token: anchored, so surrounding whitespace or extra characters fail. */
export const tokenPattern = new RegExp(`^${tokenPatternSource}$`)

// 248 = 4 × 62 is the largest multiple of 62 that fits in a byte; bytes at or above it are thrown away so
// that every base62 digit is equally likely (taking every byte modulo 62 would favour 0–7 by 25%).
const unbiasedByteLimit = 248

const systemRandom: RandomSource = (size) => randomBytes(size)

/** `length` uniformly random base62 characters, by rejection sampling bytes from `random`. */
export function randomBase62(length: number, random: RandomSource = systemRandom): string {
  let text = ''
  while (text.length < length) {
    // Ask for a few spare bytes: about 3% of bytes are rejected, so one round nearly always suffices.
    const bytes = random(length - text.length + 8)
    if (bytes.length === 0) throw new Error('The random source returned no bytes')
    for (const byte of bytes) {
      if (byte < unbiasedByteLimit && text.length < length) text += base62Alphabet.charAt(byte % 62)
    }
  }
  return text
}

/** The 6-character base62 CRC32 of a token's body (everything before the checksum). */
export function tokenChecksum(body: string): string {
  // 62^6 ≈ 5.7 × 10^10 > 2^32, so every unsigned CRC32 fits in 6 digits.
  let value = CRC32.str(body) >>> 0
  let digits = ''
  do {
    digits = base62Alphabet.charAt(value % 62) + digits
    value = Math.floor(value / 62)
  } while (value > 0)
  return digits.padStart(checksumLength, '0')
}

/** A fresh token for the given environment, with the hint to store beside its hash. */
export function generateToken(environment: TokenEnvironment, random?: RandomSource): GeneratedToken {
  const secret = randomBase62(randomLength, random)
  const body = `${tokenPrefix}${environment}_${secret}`
  return { plaintext: body + tokenChecksum(body), hint: secret.slice(0, hintLength) }
}

/** Checks a candidate's shape and checksum with no I/O, so junk never reaches the database. */
export function checkTokenShape(candidate: string): TokenShape {
  if (!tokenPattern.test(candidate)) return 'malformed'
  const body = candidate.slice(0, -checksumLength)
  return tokenChecksum(body) === candidate.slice(-checksumLength) ? 'ok' : 'bad-checksum'
}

/**
 * HMAC-SHA256 (hex) of the whole token with the server-side pepper: what the database stores and looks up.
 * A stolen database alone cannot be used to check guesses, because the pepper lives only in the environment.
 */
export function hashToken(plaintext: string, pepper: string): string {
  return hmacSha256Hex(plaintext, pepper, oneShotHash)
}

// crypto.hash: one call, no stream object (Node 20.12 and later). createHmac builds a stream-like object and has
// OpenSSL set up its digest again for every token: inside the server that was 16 µs of a request's CPU, and the
// two one-shot hashes 9–10 µs (bench/README.md, docs/decisions/0031).
const oneShotHash = crypto.hash as typeof crypto.hash | undefined

/** HMAC-SHA256 in hex: from two one-shot hashes when `hash` (crypto.hash) is given, else createHmac (exported for tests). */
export function hmacSha256Hex(plaintext: string, pepper: string, hash: typeof crypto.hash | undefined): string {
  const pads = pepperPads(pepper)
  const message = Buffer.from(plaintext, 'utf8')
  if (!hash) return createHmac('sha256', pads.key).update(message).digest('hex')
  // HMAC as RFC 2104 defines it: H((K ^ opad) || H((K ^ ipad) || message)).
  const inner = hash('sha256', Buffer.concat([pads.inner, message]), 'buffer')
  return hash('sha256', Buffer.concat([pads.outer, inner]), 'hex')
}

const blockBytes = 64

// The pepper's HMAC pads (and, for Node without crypto.hash, its key object), made once per pepper.
let lastPepper: { pepper: string; key: KeyObject; inner: Buffer; outer: Buffer } | undefined

function pepperPads(pepper: string): { key: KeyObject; inner: Buffer; outer: Buffer } {
  if (lastPepper?.pepper === pepper) return lastPepper
  const raw = Buffer.from(pepper, 'utf8')
  // A key longer than a block is hashed first (RFC 2104 section 2), then both are padded with zeros.
  const key = raw.length > blockBytes ? createHash('sha256').update(raw).digest() : raw
  const inner = Buffer.alloc(blockBytes, 0x36)
  const outer = Buffer.alloc(blockBytes, 0x5c)
  for (let index = 0; index < key.length; index += 1) {
    inner[index] = (inner[index] as number) ^ (key[index] as number)
    outer[index] = (outer[index] as number) ^ (key[index] as number)
  }
  lastPepper = { pepper, key: createSecretKey(raw), inner, outer }
  return lastPepper
}
