import { describe, expect, it, vi } from 'vitest'
import { distDirFor, parseRoutesManifest, routePatternOf } from './route-patterns'

// The shape `next build` writes (Next 16's routes-manifest.json), with this app's kinds of route.
const manifest = JSON.stringify({
  version: 3,
  staticRoutes: [
    { page: '/', regex: '^/(?:/)?$' },
    { page: '/api-clients', regex: '^/api\\-clients(?:/)?$' },
    { page: '/api/v1/providers/changes', regex: '^/api/v1/providers/changes(?:/)?$' },
  ],
  dynamicRoutes: [
    { page: '/api-clients/[id]', regex: '^/api\\-clients/([^/]+?)(?:/)?$' },
    { page: '/api/v1/providers/[id]', regex: '^/api/v1/providers/([^/]+?)(?:/)?$' },
    { page: '/api/[[...path]]', regex: '^/api(?:/(.+?))?(?:/)?$' },
    { page: 'broken', regex: 42 },
  ],
})

describe('routePatternOf', () => {
  const patterns = parseRoutesManifest(manifest)

  it('labels a path with its route pattern, a static route before a dynamic one, as Next matches them', () => {
    expect(routePatternOf('/', patterns)).toBe('/')
    expect(routePatternOf('/api/v1/providers/10012345', patterns)).toBe('/api/v1/providers/[id]')
    expect(routePatternOf('/api/v1/providers/changes', patterns)).toBe('/api/v1/providers/changes')
    expect(routePatternOf('/api-clients/0b9d1f2a-3c4e-4a6b-9c8d-1e2f3a4b5c6d', patterns)).toBe('/api-clients/[id]')
    expect(routePatternOf('/api/no/such/thing', patterns)).toBe('/api/[[...path]]')
  })

  it('puts Next\u2019s own files, public files and unknown paths under a few fixed labels', () => {
    expect(routePatternOf('/_next/static/chunks/abc123.js', patterns)).toBe('/_next/static')
    expect(routePatternOf('/_next/image', patterns)).toBe('/_next')
    expect(routePatternOf('/assets/images/favicon.ico', patterns)).toBe('(unmatched)')
    expect(routePatternOf('/no-such-page/123', patterns)).toBe('(unmatched)')
  })

  it('skips entries it cannot read', () => {
    expect(patterns.map((pattern) => pattern.page)).not.toContain('broken')
  })
})

describe('distDirFor', () => {
  it('finds the build where next.config.ts puts it, for every E2E_PORT', async () => {
    const saved = process.env.E2E_PORT
    try {
      for (const port of [undefined, '3100', '3400']) {
        if (port === undefined) delete process.env.E2E_PORT
        else process.env.E2E_PORT = port
        // next.config.ts reads E2E_PORT when it is evaluated: a fresh copy for each value.
        vi.resetModules()
        const { default: nextConfig } = await import('@/next.config')
        expect(distDirFor(port), String(port)).toBe(nextConfig.distDir)
      }
    } finally {
      if (saved === undefined) delete process.env.E2E_PORT
      else process.env.E2E_PORT = saved
    }
  })
})
