/**
 * GitHub's secret-scanning signature (docs/product/secret-scanning.md): an ECDSA P-256 signature with SHA-256,
 * DER-encoded and then base64, over the exact bytes of the request body, made with the key that
 * `Github-Public-Key-Identifier` names among those GitHub publishes.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto'

/** The two headers GitHub signs a report with; header names are case-insensitive, so GitHub's capitals do not matter. */
export const keyIdentifierHeader = 'github-public-key-identifier'
export const signatureHeader = 'github-public-key-signature'

/** The headers of a signed report, or undefined when either is missing or not shaped as GitHub sends them. */
export type SignedHeaders = { keyIdentifier: string; signature: Buffer }

// Key identifiers are hex SHA-256 digests today; anything printable and short is accepted so a format change at
// GitHub does not lock us out, but junk is refused before it can make us fetch keys.
const keyIdentifierPattern = /^[A-Za-z0-9._:-]{1,128}$/
// A DER ECDSA P-256 signature is 70 to 72 bytes: 96 base64 characters at most, with room to spare.
const base64Pattern = /^[A-Za-z0-9+/]{4,200}={0,2}$/

/** Reads the key identifier and signature headers; undefined when either is missing or malformed. */
export function readSignedHeaders(headers: Headers): SignedHeaders | undefined {
  const keyIdentifier = headers.get(keyIdentifierHeader)?.trim()
  const encoded = headers.get(signatureHeader)?.trim()
  if (!keyIdentifier || !encoded || !keyIdentifierPattern.test(keyIdentifier) || !base64Pattern.test(encoded)) return undefined
  return { keyIdentifier, signature: Buffer.from(encoded, 'base64') }
}

/**
 * A published key as a KeyObject, or undefined unless it is an EC key on P-256 (a different key type would let
 * a signature over another algorithm pass as GitHub's).
 */
export function parsePublicKey(pem: string): KeyObject | undefined {
  try {
    const key = createPublicKey(pem)
    return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1' ? key : undefined
  } catch {
    return undefined
  }
}

/** Whether `signature` (DER) is the key's ECDSA-SHA256 signature over exactly these bytes. Never throws. */
export function isValidSignature(body: Uint8Array, signature: Uint8Array, key: KeyObject): boolean {
  try {
    return verify('sha256', body, { key, dsaEncoding: 'der' }, signature)
  } catch {
    // A signature that is not even DER is simply not valid.
    return false
  }
}
