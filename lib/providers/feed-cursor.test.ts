import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor, feedStart } from './feed-cursor'

const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64url')

describe('feed cursors', () => {
  it('read back what they were written from, up to the largest transaction id', () => {
    for (const cursor of [feedStart, { xid: 738n, seq: 46_657n }, { xid: 2n ** 64n - 1n, seq: 2n ** 63n - 1n }]) {
      expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor)
    }
  })

  it('are opaque base64url text with a version inside', () => {
    expect(encodeCursor({ xid: 738n, seq: 12n })).toBe(encode('v1:738:12'))
    expect(encodeCursor({ xid: 738n, seq: 12n })).toMatch(/^[A-Za-z0-9_-]+$/)
  })

  it('refuse anything the service would not have written', () => {
    const refused = [
      '',
      'not a cursor',
      encode('v2:738:12'),
      encode('v1:738'),
      encode('v1:738:12:1'),
      encode('v1:0738:12'),
      encode('v1:-1:12'),
      encode('v1:738:1e3'),
      encode(' v1:738:12'),
      encode(`v1:${2n ** 64n}:1`),
      encode(`v1:1:${2n ** 63n}`),
      `${encode('v1:738:12')}=`,
      encodeCursor({ xid: 738n, seq: 12n }).replace(/.$/, '+'),
      'A'.repeat(65),
    ]
    for (const text of refused) expect(decodeCursor(text), text).toBeNull()
  })
})
