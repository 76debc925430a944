import { describe, expect, it } from 'vitest'
import { otherLeakReportMethod, receiveLeakReport } from './endpoint'

// The unit tests' environment has no SECRET_SCANNING_KEYS_URL: the endpoint is switched off there, as in any
// deployment that has not enrolled. The journeys (e2e/instances/secret-scanning.spec.ts) test it switched on.
describe('POST /api/secret-scanning without SECRET_SCANNING_KEYS_URL', () => {
  it('is not there: a 404 problem like any unknown /api path, for every method, before reading anything', async () => {
    const post = new Request('http://register.test/api/secret-scanning', { method: 'POST', body: '[]', headers: { 'Github-Public-Key-Identifier': 'x' } })
    const response = await receiveLeakReport(post)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(((await response.json()) as { title: string }).title).toBe('Not Found')
    for (const method of ['GET', 'PUT', 'DELETE', 'OPTIONS']) {
      expect((await otherLeakReportMethod(new Request('http://register.test/api/secret-scanning', { method }))).status, method).toBe(404)
    }
  })
})
