import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { safeCallbackPath } from './callback-url'

const service = 'https://register.example'

describe('safeCallbackPath', () => {
  it.each([
    ['/api-clients/123?page=2', '/api-clients/123?page=2'],
    ['/activity', '/activity'],
    ['/users/../activity', '/activity'],
    ['/sign-in-help', '/sign-in-help'],
    // One backslash is one slash: `/./evil.example` is a path on this service.
    ['/.\\evil.example', '/evil.example'],
  ])('keeps the service path %s', (candidate, expected) => {
    expect(safeCallbackPath(candidate)).toBe(expected)
  })

  it.each([
    undefined,
    '',
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'javascript:alert(1)',
    '/sign-in?callbackUrl=/x',
    '/sign-in/dfe-sign-in',
    '/\t/evil.example',
    // Paths that URL normalisation turns into `//evil.example/…`: the result must be checked, not the input.
    '/..//evil.example/phish',
    '/.//evil.example/phish',
    '/%2e%2e//evil.example/phish',
    '/a/../..//evil.example/phish',
    '/.\\\\evil.example',
    '/%2E//evil.example',
    '/a/..//evil.example',
    '/./\\evil.example',
    '/..\\/evil.example',
    '/x/../sign-in',
    '/\u0000//evil.example',
    '/\u007f/evil.example',
  ])('refuses %s', (candidate) => {
    expect(safeCallbackPath(candidate)).toBe('/api-clients')
  })

  // Built from the pieces that make normalisation interesting: dots (plain and encoded), both slashes, hosts.
  const piece = fc.constantFrom('/', '\\', '.', '..', '%2e', '%2E', '%2f', '%5c', 'evil.example', 'a', '?', '#', '@', ':', '%00', '\t', ' ')
  const generatedPath = fc.oneof(
    fc.array(piece, { maxLength: 12 }).map((parts) => `/${parts.join('')}`),
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 30 }).map((text) => `/${text}`),
  )

  it('always gives a path that a browser resolves to this service', () => {
    fc.assert(
      fc.property(generatedPath, (candidate) => {
        const result = safeCallbackPath(candidate)
        expect(result.startsWith('/')).toBe(true)
        expect(result.startsWith('//') || result.startsWith('/\\')).toBe(false)
        // As a browser follows a Location header: resolved against the service's own address.
        const followed = new URL(result, service)
        expect(followed.origin).toBe(service)
        expect(followed.pathname.startsWith('//')).toBe(false)
      }),
      { numRuns: 5_000, seed: 20261201 },
    )
  })
})
