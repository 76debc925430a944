import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { observeRequest } from './request-observer'

// A server that, as Next does on a page's response, puts ten 'close' listeners on it before the observer adds its own.
let server: Server
let origin: string
let listenersSeen = 0

beforeAll(async () => {
  server = createServer((request, response) => {
    for (let index = 0; index < 10; index++) response.once('close', () => {})
    observeRequest(request, response)
    listenersSeen = response.listenerCount('close')
    response.end('ok')
  })
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((closed) => server.close(closed))
})

describe('observeRequest', () => {
  it('adds its one close listener to a response that already has ten without a MaxListenersExceededWarning', async () => {
    const warnings: Error[] = []
    const onWarning = (warning: Error) => warnings.push(warning)
    process.on('warning', onWarning)
    try {
      expect((await fetch(`${origin}/`)).status).toBe(200)
      // Warnings are emitted on the next tick.
      await new Promise((later) => setTimeout(later, 50))
    } finally {
      process.off('warning', onWarning)
    }
    expect(listenersSeen).toBe(11)
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([])
  })
})
