import { createServer, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { badRequest } from './bad-request'
import { actionBodyLimitBytes, installFrontDoor } from './front-door'

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
    const response = await raw('GET /api/v1/info HTTP/1.1\nAuthorization: Bearer first\nAuthorization: Bearer second\n')
    expect(JSON.parse(response.body)).toEqual({ authorization: 'Bearer first, Bearer second' })
    const single = await raw('GET /api/v1/info HTTP/1.1\nAuthorization: Bearer only\n')
    expect(JSON.parse(single.body)).toEqual({ authorization: 'Bearer only' })
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
})
