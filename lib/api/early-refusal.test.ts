import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { frontDoorStorage, type FrontDoorStore } from '@/lib/http/front-door'
import { verificationCache } from '@/lib/token-cache/client-changes'
import { earlyScreening, needsToken, type EarlyScreening } from './early-refusal'

const apiRoot = join(process.cwd(), 'app/api/v1')

/** Every route file under app/api/v1, with a path Next would route to it (a dynamic segment filled in). */
function apiRoutes(): { path: string; source: string }[] {
  const found: { path: string; source: string }[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name === 'route.ts') {
        const segments = relative(apiRoot, dir).split(sep).filter(Boolean)
        const path = ['/api/v1', ...segments.map((segment) => (segment.startsWith('[') ? '8d0b7c43-5d2a-4f55-9a39-6d1f5a2c9e10' : segment))].join('/')
        found.push({ path, source: readFileSync(full, 'utf8') })
      }
    }
  }
  walk(apiRoot)
  return found
}

describe('the register API routes the front door refuses tokens for', () => {
  it('are exactly the routes built with withApiClient', () => {
    const routes = apiRoutes()
    expect(routes.length).toBeGreaterThanOrEqual(5)
    for (const { path, source } of routes) expect(needsToken(path), path).toBe(source.includes('withApiClient('))
  })

  it('do not include what the routes answer 404 for', () => {
    for (const path of ['/api/v1/info/', '/api/v1/Info', '/api/v1/providers/a/b', '/api/v1', '/api/v1/', '/api/v2/info', '/api/v1/providers/']) {
      expect(needsToken(path), path).toBe(false)
    }
  })
})

describe('the front door\u2019s screening, as the route wrapper reuses it', () => {
  const request = (authorization?: string) => new Request('http://register.test/api/v1/info', { headers: authorization ? { authorization } : {} })
  const kept = (authorization: string | undefined): EarlyScreening => ({
    authorization,
    at: new Date(),
    generation: verificationCache().generation,
    screening: { decided: undefined, hash: 'a'.repeat(64) },
  })
  const inRequest = <R>(screening: EarlyScreening, run: () => R): R => {
    const store: FrontDoorStore = { badRequest: false, requestId: crypto.randomUUID(), screening }
    return frontDoorStorage().run(store, run)
  }

  it('is reused for the request it was made for', () => {
    const screening = kept('Bearer x')
    expect(inRequest(screening, () => earlyScreening(request('Bearer x')))).toBe(screening)
  })

  it('is not reused for another Authorization header, or outside a request', () => {
    expect(inRequest(kept('Bearer x'), () => earlyScreening(request('Bearer y')))).toBeUndefined()
    expect(inRequest(kept('Bearer x'), () => earlyScreening(request()))).toBeUndefined()
    expect(earlyScreening(request('Bearer x'))).toBeUndefined()
  })

  it('is not reused once any client has changed since it was made: a revocation in between is seen', () => {
    const screening = kept('Bearer x')
    verificationCache().forgetClient('00000000-0000-4000-8000-000000000001')
    expect(inRequest(screening, () => earlyScreening(request('Bearer x')))).toBeUndefined()
  })
})
