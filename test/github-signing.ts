import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { createServer, type Server } from 'node:http'

/** A signing key as GitHub holds one: its identifier is the hex SHA-256 of the public key (as GitHub's are), and it signs as GitHub does. */
export type GitHubSigningKey = { keyIdentifier: string; publicKeyPem: string; privateKey: KeyObject }

/** A fresh ECDSA P-256 key pair, made by the test itself: no key of GitHub's is needed or known. */
export function newSigningKey(): GitHubSigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  const der = publicKey.export({ type: 'spki', format: 'der' })
  return {
    keyIdentifier: createHash('sha256').update(der).digest('hex'),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey,
  }
}

/** GitHub's signature header value: base64 of the DER ECDSA-SHA256 signature over the exact body bytes. */
export function signReport(body: string, key: GitHubSigningKey): string {
  return sign('sha256', Buffer.from(body, 'utf8'), { key: key.privateKey, dsaEncoding: 'der' }).toString('base64')
}

/** The headers GitHub sends with a report signed by `key`. */
export function signedReportHeaders(body: string, key: GitHubSigningKey): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'GITHUB-PUBLIC-KEY-IDENTIFIER': key.keyIdentifier,
    'GITHUB-PUBLIC-KEY-SIGNATURE': signReport(body, key),
  }
}

/** The published key list, in the shape of https://api.github.com/meta/public_keys/secret_scanning. */
export function keyListOf(keys: GitHubSigningKey[]): string {
  return JSON.stringify({
    public_keys: keys.map((key, index) => ({ key_identifier: key.keyIdentifier, key: key.publicKeyPem, is_current: index === 0 })),
  })
}

/** A local stand-in for GitHub's key list: serves whatever keys it is given, with an ETag, and counts the requests. */
export type KeyServer = { url: string; requests: () => number; serve: (keys: GitHubSigningKey[]) => void; close: () => Promise<void> }

/** Starts the key server on loopback, on `port` or any free port. */
export async function startKeyServer(keys: GitHubSigningKey[], port = 0): Promise<KeyServer> {
  let body = keyListOf(keys)
  let requests = 0
  const server: Server = createServer((request, response) => {
    requests += 1
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { ETag: etag }).end()
      return
    }
    response.writeHead(200, { 'Content-Type': 'application/json', ETag: etag }).end(body)
  })
  await new Promise<void>((done, fail) => server.once('error', fail).listen(port, '127.0.0.1', done))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('the key server has no port')
  return {
    url: `http://127.0.0.1:${address.port}/meta/public_keys/secret_scanning`,
    requests: () => requests,
    serve: (next) => {
      body = keyListOf(next)
    },
    close: () => {
      // fetch keeps connections alive; close them, or close() would wait for them.
      server.closeAllConnections()
      return new Promise<void>((done) => server.close(() => done()))
    },
  }
}
