import { describe, expect, it } from 'vitest'
import { conditionalJsonResponse, entityTag, noneMatch } from './conditional'

const requestWith = (ifNoneMatch?: string) =>
  new Request('http://localhost/api/v1/providers', { headers: ifNoneMatch ? { 'If-None-Match': ifNoneMatch } : {} })

describe('conditional responses', () => {
  const body = { data: [1, 2, 3] }
  const tag = entityTag(JSON.stringify(body))

  it('tag a body by its bytes, weakly', () => {
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/)
    expect(entityTag(JSON.stringify({ data: [1, 2, 4] }))).not.toBe(tag)
  })

  it('match If-None-Match by weak comparison, in a list, or *', () => {
    expect(noneMatch(tag, tag)).toBe(true)
    expect(noneMatch(tag.slice(2), tag)).toBe(true)
    expect(noneMatch(`"other", ${tag}`, tag)).toBe(true)
    expect(noneMatch('*', tag)).toBe(true)
    expect(noneMatch('"other"', tag)).toBe(false)
    expect(noneMatch(null, tag)).toBe(false)
  })

  it('send the body with its ETag, or 304 with no body when the client has it', async () => {
    const full = conditionalJsonResponse(requestWith(), body, 'id-1')
    expect(full.status).toBe(200)
    expect(full.headers.get('ETag')).toBe(tag)
    expect(await full.json()).toEqual(body)
    const notModified = conditionalJsonResponse(requestWith(tag), body, 'id-2')
    expect(notModified.status).toBe(304)
    expect(notModified.headers.get('ETag')).toBe(tag)
    expect(notModified.headers.get('X-Request-Id')).toBe('id-2')
    expect(await notModified.text()).toBe('')
    expect(conditionalJsonResponse(requestWith('"stale"'), body, 'id-3').status).toBe(200)
  })
})
