import { describe, expect, it } from 'vitest'
import { safeCallbackPath } from './callback-url'

describe('safeCallbackPath', () => {
  it.each([
    ['/api-clients/123?page=2', '/api-clients/123?page=2'],
    ['/activity', '/activity'],
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
    '/\t/evil.example',
  ])('refuses %s', (candidate) => {
    expect(safeCallbackPath(candidate)).toBe('/api-clients')
  })
})
