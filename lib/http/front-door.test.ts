import { createServer, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { badRequest } from './bad-request'
import { generateToken } from '@/lib/tokens/format'
import { defaultKeepAliveSeconds } from '@/lib/env'
import { actionBodyLimitBytes, installFrontDoor } from './front-door'

const wellFormed = generateToken('test').plaintext
// The same token with its last checksum character changed: refused by its shape alone.
const badChecksum = `${wellFormed.slice(0, -1)}${wellFormed.endsWith('0') ? '1' : '0'}`

// A real HTTP server behind the real front door; its handler stands in for Next and echoes what it saw.
let server: Server
let port: number

beforeAll(async () => {
  installFrontDoor()
  server = createServer((request, response) => {
    if (request.url === '/bad-arguments') {
      try {
        badRequest('test')
      } catch {
        response.statusCode = 500
        response.end('error page')
        return
      }
    }
    if (request.url === '/next-405') {
      response.statusCode = 405
      response.end()
      return
    }
    response.setHeader('Content-Type', 'application/json')
    response.end(JSON.stringify({ authorization: request.headers.authorization ?? null }))
  })
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  port = (server.address() as AddressInfo).port
})
afterAll(async () => {
  await new Promise((closed) => server.close(closed))
})

type RawResponse = { status: number; headers: Record<string, string>; body: string }

/** Sends bytes exactly as written (fetch would merge duplicate headers and refuses TRACE). */
function raw(head: string, body = ''): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let received = ''
    socket.on('data', (chunk) => (received += chunk.toString('latin1')))
    socket.on('error', reject)
    socket.on('close', () => {
      const [top = '', ...rest] = received.split('\r\n\r\n')
      const [statusLine = '', ...lines] = top.split('\r\n')
      const headers = Object.fromEntries(
        lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      )
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') })
    })
    socket.end(`${head.replace(/\n/g, '\r\n')}Host: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n${body}`)
  })
}

const commonHeaders = [
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'permissions-policy',
  'x-request-id',
  'content-security-policy',
]

describe('the front door', () => {
  it.each(['TRACE', 'PURGE', 'PROPFIND'])('answers %s on a page with a plain 405 and Allow', async (method) => {
    const response = await raw(`${method} /api-clients HTTP/1.1\n`)
    expect(response.status).toBe(405)
    expect(response.headers.allow).toBe('GET, HEAD, POST')
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8')
    for (const name of commonHeaders) expect(response.headers[name], name).toBeTruthy()
  })

  it('answers TRACE under /api with a problem+json 405', async () => {
    const response = await raw('TRACE /api/v1/providers HTTP/1.1\n')
    expect(response.status).toBe(405)
    expect(response.headers.allow).toBe('GET, HEAD, OPTIONS')
    expect(response.headers['content-type']).toBe('application/problem+json')
    expect(JSON.parse(response.body)).toMatchObject({ status: 405, title: 'Method Not Allowed' })
    expect(response.headers['cache-control']).toBe('no-store')
  })

  it('answers a path whose percent-escapes do not decode with 400', async () => {
    const response = await raw('GET /api/v1/providers/%ff HTTP/1.1\n')
    expect(response.status).toBe(400)
    expect(JSON.parse(response.body)).toMatchObject({ status: 400, title: 'Bad Request' })
  })

  it('passes two Authorization headers on as one that no scheme accepts, not the first alone', async () => {
    // A path that needs no token, so the handler sees the header (one that needs a token is refused below).
    const response = await raw('GET /api/v1/openapi.json HTTP/1.1\nAuthorization: Bearer first\nAuthorization: Bearer second\n')
    expect(JSON.parse(response.body)).toEqual({ authorization: 'Bearer first, Bearer second' })
    const single = await raw('GET /api/v1/openapi.json HTTP/1.1\nAuthorization: Bearer only\n')
    expect(JSON.parse(single.body)).toEqual({ authorization: 'Bearer only' })
  })

  it('answers a register API request whose token is refused without the database itself, with the uniform 401', async () => {
    for (const authorization of ['', 'Authorization: Bearer junk\n', 'Authorization: Bearer first\nAuthorization: Bearer second\n', `Authorization: Bearer ${badChecksum}\n`]) {
      for (const path of ['/api/v1/info', '/api/v1/providers?per_page=1', '/api/v1/providers/not-a-uuid', '/api/v1/providers/changes']) {
        const response = await raw(`GET ${path} HTTP/1.1\n${authorization}`)
        expect(response.status, `${path} ${authorization}`).toBe(401)
        const problem = JSON.parse(response.body)
        expect(problem).toMatchObject({ type: 'about:blank', status: 401, title: 'Unauthorized' })
        expect(problem.request_id).toBe(response.headers['x-request-id'])
        expect(response.headers['www-authenticate']).toBe('Bearer realm="register", error="invalid_token"')
        expect(response.headers['content-type']).toBe('application/problem+json')
        expect(response.headers['cache-control']).toBe('no-store')
        expect(response.headers['ratelimit-limit']).toMatch(/^\d+$/)
        expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.body))
        for (const name of commonHeaders) expect(response.headers[name], name).toBeTruthy()
      }
    }
  })

  it('answers HEAD with the refusal’s headers and no body', async () => {
    const response = await raw('HEAD /api/v1/info HTTP/1.1\nAuthorization: Bearer junk\n')
    expect(response.status).toBe(401)
    expect(response.headers['www-authenticate']).toContain('Bearer')
    expect(Number(response.headers['content-length'])).toBeGreaterThan(0)
    expect(response.body).toBe('')
  })

  it('leaves to the routes what they decide for themselves: other methods, other paths, and tokens that need the database', async () => {
    const passedOn = async (head: string) => JSON.parse((await raw(head)).body) as { authorization: string | null }
    // Other methods get the route's 405, whatever the token.
    expect(await passedOn('POST /api/v1/info HTTP/1.1\nAuthorization: Bearer junk\nContent-Length: 0\n')).toEqual({ authorization: 'Bearer junk' })
    // A trailing slash, an unknown path or another case is the API's 404.
    for (const path of ['/api/v1/info/', '/api/v1/providers/a/b', '/api/v1/Info', '/api/v2/info', '/api//v1/info']) {
      expect(await passedOn(`GET ${path} HTTP/1.1\nAuthorization: Bearer junk\n`), path).toEqual({ authorization: 'Bearer junk' })
    }
    // A well-formed token with a good checksum, never seen: only the database can say.
    expect(await passedOn(`GET /api/v1/info HTTP/1.1\nAuthorization: Bearer ${wellFormed}\n`)).toEqual({ authorization: `Bearer ${wellFormed}` })
  })

  it('refuses a form posted to a page from another origin with 403, and lets a same-origin one through', async () => {
    expect((await raw('POST /sign-in HTTP/1.1\nOrigin: https://evil.example\nContent-Length: 0\n')).status).toBe(403)
    expect((await raw('POST /sign-in HTTP/1.1\nOrigin: null\nContent-Length: 0\n')).status).toBe(403)
    expect((await raw(`POST /sign-in HTTP/1.1\nOrigin: http://127.0.0.1:${port}\nContent-Length: 0\n`)).status).toBe(200)
  })

  it('refuses a form over 1 MB with 413 without reading it', async () => {
    const response = await raw(`POST /sign-in HTTP/1.1\nOrigin: http://127.0.0.1:${port}\nContent-Length: ${actionBodyLimitBytes + 1}\n`)
    expect(response.status).toBe(413)
  })

  it('turns the 500 for arguments marked as the caller’s fault into 400', async () => {
    expect((await raw('POST /bad-arguments HTTP/1.1\nContent-Length: 0\n')).status).toBe(400)
  })

  it('adds the common headers, and Allow to a 405 that has none, to whatever the handler sends', async () => {
    const ok = await raw('GET /api/health HTTP/1.1\n')
    for (const name of commonHeaders) expect(ok.headers[name], name).toBeTruthy()
    expect(ok.headers['cache-control']).toBe('no-store')
    const next405 = await raw('GET /next-405 HTTP/1.1\n')
    expect(next405.headers.allow).toBe('GET, HEAD, POST')
  })

  it('keeps an idle keep-alive connection open past Node’s 5 s, so the next request on it is answered, not reset', async () => {
    const socket = connect(port, '127.0.0.1')
    let received = ''
    let closed = false
    socket.on('data', (chunk) => (received += chunk.toString('latin1')))
    socket.on('close', () => (closed = true))
    const answers = () => received.split('HTTP/1.1 200').length - 1
    const get = `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`
    socket.write(get)
    await expect.poll(answers).toBe(1)
    await new Promise((waited) => setTimeout(waited, 6_000))
    expect(closed).toBe(false)
    socket.write(get)
    await expect.poll(answers).toBe(2)
    socket.destroy()
    expect(server.keepAliveTimeout).toBe(defaultKeepAliveSeconds * 1_000)
  }, 15_000)
})
