import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { readBoundedBody, tooLarge } from './body'
import { leakAnswer, parseReport } from './report'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('a report’s body', () => {
  it('reads GitHub’s array of matches, an empty url and a missing source included', () => {
    const body = '[{"token":"t1","type":"register_api_token","url":"https://github.com/a","source":"commit"},{"token":"t2","type":"x","url":""},{"token":"t3","type":"x","url":null,"source":null}]'
    expect(parseReport(bytes(body))).toEqual([
      { token: 't1', type: 'register_api_token', url: 'https://github.com/a', source: 'commit' },
      { token: 't2', type: 'x', url: '', source: 'unknown' },
      { token: 't3', type: 'x', url: '', source: 'unknown' },
    ])
  })

  it('refuses anything else: not JSON, not UTF-8, not an array, an empty array, or matches without token and type', () => {
    for (const body of ['not json', '{"token":"t"}', '[]', '[{"type":"x"}]', '[{"token":1,"type":"x"}]', '["t"]']) {
      expect(parseReport(bytes(body)), body).toBeUndefined()
    }
    expect(parseReport(new Uint8Array([0x5b, 0xff, 0x5d]))).toBeUndefined()
    expect(parseReport(bytes(JSON.stringify([{ token: 'x'.repeat(1_001), type: 'x' }])))).toBeUndefined()
  })

  it('answers with the plain SHA-256 of the token, its type and the label, never the token', () => {
    const answer = leakAnswer({ token: 'rotp_test_abc', type: 'register_api_token', url: '', source: 'content' }, 'false_positive')
    expect(answer).toEqual({
      token_hash: createHash('sha256').update('rotp_test_abc').digest('hex'),
      token_type: 'register_api_token',
      label: 'false_positive',
    })
  })

  it('is read up to the limit and no further', async () => {
    const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request('http://x/', { method: 'POST', body, headers })
    expect(Buffer.from((await readBoundedBody(post('[1,2]'), 5)) as Uint8Array).toString()).toBe('[1,2]')
    expect(await readBoundedBody(post('[1,2,3]'), 5)).toBe(tooLarge)
    expect(await readBoundedBody(post('[]', { 'content-length': '6' }), 5)).toBe(tooLarge)
    // A body that does not say its length is still cut off as it streams.
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(bytes('[1,'))
        controller.enqueue(bytes('2,3]'))
        controller.close()
      },
    })
    expect(await readBoundedBody(new Request('http://x/', { method: 'POST', body: stream, duplex: 'half' } as RequestInit), 5)).toBe(tooLarge)
  })
})
