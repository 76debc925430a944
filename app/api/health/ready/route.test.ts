import { afterEach, describe, expect, it, vi } from 'vitest'

const pingDatabase = vi.hoisted(() => vi.fn())
vi.mock('@/db', () => ({ pingDatabase }))
vi.mock('@/lib/logger', () => ({ logger: { error: vi.fn() }, describeError: (error: unknown) => ({ error: String(error) }) }))

const { GET } = await import('./route')
const ready = new Request('http://register.test/api/health/ready')

afterEach(() => {
  vi.useRealTimers()
  pingDatabase.mockReset()
})

describe('GET /api/health/ready', () => {
  it('answers 200 ok, uncached, when the database answers', async () => {
    pingDatabase.mockResolvedValue(undefined)
    const response = await GET(ready)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ status: 'ok' })
    expect(pingDatabase).toHaveBeenCalledTimes(1)
  })

  it('answers a 503 problem that gives nothing away when the database cannot be reached', async () => {
    pingDatabase.mockRejectedValue(Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' }))
    const response = await GET(ready)
    expect(response.status).toBe(503)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(response.headers.get('retry-after')).toBe('5')
    const body = (await response.json()) as Record<string, unknown>
    expect(body).toMatchObject({ status: 503, title: 'Service Unavailable' })
    expect(Object.keys(body).sort()).toEqual(['request_id', 'status', 'title', 'type'])
  })

  it('gives up after 2 seconds rather than hang a load balancer’s probe', async () => {
    vi.useFakeTimers()
    pingDatabase.mockReturnValue(new Promise(() => {}))
    const pending = GET(ready)
    await vi.advanceTimersByTimeAsync(2_000)
    expect((await pending).status).toBe(503)
  })
})
