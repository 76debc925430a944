import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { logger } from '@/lib/logger'
import { installFrontDoor } from './front-door'
import { currentRequestId, outsideRequest, requestIdFor } from './request-id'

describe('requestIdFor', () => {
  it('keeps one incoming UUID, in lower case', () => {
    expect(requestIdFor('5F0C7E3A-8B21-4D3E-9A51-6F0C7E3A8B21')).toBe('5f0c7e3a-8b21-4d3e-9a51-6f0c7e3a8b21')
    expect(requestIdFor([' 5f0c7e3a-8b21-4d3e-9a51-6f0c7e3a8b21 '])).toBe('5f0c7e3a-8b21-4d3e-9a51-6f0c7e3a8b21')
  })

  it('makes a new one for anything else: none, two, free text, a forged log line', () => {
    const given = [undefined, ['5f0c7e3a-8b21-4d3e-9a51-6f0c7e3a8b21', '6f0c7e3a-8b21-4d3e-9a51-6f0c7e3a8b21'], 'abc', '5f0c7e3a-8b21-4d3e-9a51-6f0c7e3a8b21\n{"level":"info"}']
    const made = given.map((incoming) => requestIdFor(incoming))
    for (const id of made) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(new Set(made).size).toBe(given.length)
  })
})

// A real server behind the real front door: its handler stands in for a route, logs a line and answers
// with the id it can see, as lib/api/route.ts does.
let server: Server
let origin: string
const lines: string[] = []

beforeAll(async () => {
  installFrontDoor()
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk))
    return true
  })
  server = createServer((request, response) => {
    // After a turn of the event loop, as a route's database query would be.
    // Something the first request starts and that outlives it, as the usage flush timer does.
    if (request.url === '/starts-a-timer') outsideRequest(() => setTimeout(() => logger.info('a timer a request started'), 20))
    setTimeout(() => {
      logger.info('handled a test request', { path: request.url })
      response.setHeader('Content-Type', 'application/json')
      response.end(JSON.stringify({ request_id: currentRequestId() }))
    }, 5)
  })
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  vi.restoreAllMocks()
  await new Promise((closed) => server.close(closed))
})

const loggedFor = (path: string) =>
  lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.message === 'handled a test request' && entry.path === path)

describe('a request id through the front door', () => {
  it('takes a valid incoming X-Request-Id: the response header, the body and the log line all carry it', async () => {
    const id = '2d0d4c1e-1b9f-4d3e-9a51-6f0c7e3a8b21'
    const response = await fetch(`${origin}/given`, { headers: { 'X-Request-Id': id } })
    expect(response.headers.get('x-request-id')).toBe(id)
    expect(await response.json()).toEqual({ request_id: id })
    expect(loggedFor('/given')).toEqual([expect.objectContaining({ request_id: id, level: 'info' })])
  })

  it('gives each request its own id otherwise, the same in the header, body and log', async () => {
    const responses = await Promise.all(['/a', '/b', '/c'].map((path) => fetch(`${origin}${path}`, { headers: { 'X-Request-Id': 'not-a-uuid' } })))
    const ids = await Promise.all(
      responses.map(async (response, index) => {
        const id = response.headers.get('x-request-id')
        expect(id).not.toBe('not-a-uuid')
        expect(await response.json()).toEqual({ request_id: id })
        expect(loggedFor(['/a', '/b', '/c'][index] ?? '')).toEqual([expect.objectContaining({ request_id: id })])
        return id
      }),
    )
    expect(new Set(ids).size).toBe(3)
  })

  it('leaves request_id out of lines written outside any request, and by what a request started outside itself', async () => {
    expect((await fetch(`${origin}/starts-a-timer`)).status).toBe(200)
    await new Promise((done) => setTimeout(done, 50))
    const timerLine = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((each) => each.message === 'a timer a request started')
    expect(timerLine).toBeDefined()
    expect(timerLine).not.toHaveProperty('request_id')
    logger.info('outside a request')
    const entry = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((each) => each.message === 'outside a request')
    expect(entry).toBeDefined()
    expect(entry).not.toHaveProperty('request_id')
  })
})
