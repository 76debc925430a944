import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { newSigningKey, signReport } from '@/test/github-signing'
import { isValidSignature, parsePublicKey, readSignedHeaders } from './signature'

const body = '[{"token":"rotp_test_x","type":"register_api_token","url":"https://github.com/o/r/blob/1/a.txt","source":"content"}]'

function headersOf(values: Record<string, string>): Headers {
  return new Headers(values)
}

describe('GitHub report signatures', () => {
  it('accepts the example GitHub publishes in its partner documentation, made with its test key', () => {
    // From GitHub's "Secret scanning partner program" page: a payload, its signature and the test key's public half.
    const key = parsePublicKey(
      '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEsz9ugWDj5jK5ELBK42ynytbo38gP\nHzZFI03Exwz8Lh/tCfL3YxwMdLjB+bMznsanlhK0RwcGP3IDb34kQDIo3Q==\n-----END PUBLIC KEY-----\n',
    )
    const payload = Buffer.from('[{"token":"some_token","type":"some_type","url":"some_url","source":"some_source"}]')
    const signature = Buffer.from('MEUCIFLZzeK++IhS+y276SRk2Pe5LfDrfvTXu6iwKKcFGCrvAiEAhHN2kDOhy2I6eGkOFmxNkOJ+L2y8oQ9A2T9GGJo6WJY=', 'base64')
    expect(key).toBeDefined()
    if (!key) return
    expect(isValidSignature(payload, signature, key)).toBe(true)
    expect(isValidSignature(Buffer.concat([payload, Buffer.from('\n')]), signature, key)).toBe(false)
  })

  it('accepts a report signed with the named key over its exact bytes', () => {
    const signer = newSigningKey()
    const headers = readSignedHeaders(headersOf({ 'Github-Public-Key-Identifier': signer.keyIdentifier, 'Github-Public-Key-Signature': signReport(body, signer) }))
    const key = parsePublicKey(signer.publicKeyPem)
    expect(headers?.keyIdentifier).toBe(signer.keyIdentifier)
    if (!headers || !key) throw new Error('headers or key not read')
    expect(isValidSignature(Buffer.from(body), headers.signature, key)).toBe(true)
  })

  it('refuses a body changed after signing, even by re-serialising the same JSON', () => {
    const signer = newSigningKey()
    const key = parsePublicKey(signer.publicKeyPem)
    const signature = Buffer.from(signReport(body, signer), 'base64')
    if (!key) throw new Error('no key')
    expect(isValidSignature(Buffer.from(body.replace('rotp_test_x', 'rotp_test_y')), signature, key)).toBe(false)
    expect(isValidSignature(Buffer.from(JSON.stringify(JSON.parse(body), null, 1)), signature, key)).toBe(false)
  })

  it('refuses a signature made with another key', () => {
    const signer = newSigningKey()
    const other = parsePublicKey(newSigningKey().publicKeyPem)
    if (!other) throw new Error('no key')
    expect(isValidSignature(Buffer.from(body), Buffer.from(signReport(body, signer), 'base64'), other)).toBe(false)
  })

  it('refuses signatures that are not DER at all, without throwing', () => {
    const key = parsePublicKey(newSigningKey().publicKeyPem)
    if (!key) throw new Error('no key')
    expect(isValidSignature(Buffer.from(body), Buffer.from('not a signature'), key)).toBe(false)
    expect(isValidSignature(Buffer.from(body), new Uint8Array(), key)).toBe(false)
  })

  it('reads only well-formed headers: both present, a short printable key id and base64', () => {
    const good = { 'Github-Public-Key-Identifier': 'abc123', 'Github-Public-Key-Signature': 'MEUCIQ==' }
    expect(readSignedHeaders(headersOf(good))).toBeDefined()
    expect(readSignedHeaders(headersOf({ 'Github-Public-Key-Identifier': 'abc123' }))).toBeUndefined()
    expect(readSignedHeaders(headersOf({ 'Github-Public-Key-Signature': 'MEUCIQ==' }))).toBeUndefined()
    expect(readSignedHeaders(headersOf({ ...good, 'Github-Public-Key-Identifier': 'a b' }))).toBeUndefined()
    expect(readSignedHeaders(headersOf({ ...good, 'Github-Public-Key-Identifier': 'x'.repeat(129) }))).toBeUndefined()
    expect(readSignedHeaders(headersOf({ ...good, 'Github-Public-Key-Signature': 'not base64!' }))).toBeUndefined()
    expect(readSignedHeaders(headersOf({ ...good, 'Github-Public-Key-Signature': '' }))).toBeUndefined()
  })

  it('uses only ECDSA P-256 public keys', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString()
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey.export({ type: 'spki', format: 'pem' }).toString()
    expect(parsePublicKey(rsa)).toBeUndefined()
    expect(parsePublicKey(p384)).toBeUndefined()
    expect(parsePublicKey('-----BEGIN PUBLIC KEY-----\nnonsense\n-----END PUBLIC KEY-----')).toBeUndefined()
    expect(parsePublicKey(newSigningKey().publicKeyPem)).toBeDefined()
  })
})
