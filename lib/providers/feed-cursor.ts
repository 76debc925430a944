/** A place in the change feed: after the change with this transaction id and sequence number. */
export type FeedCursor = { xid: bigint; seq: bigint }

/** Where a client with no cursor starts: before every change. */
export const feedStart: FeedCursor = { xid: 0n, seq: 0n }

// The version comes first so that a later format can be told apart from this one, and refused or read.
const version = 'v1'
const maxXid = 2n ** 64n - 1n
const maxSeq = 2n ** 63n - 1n

/** The opaque cursor a client is given: base64url of "v1:<xid>:<seq>". */
export function encodeCursor(cursor: FeedCursor): string {
  return Buffer.from(`${version}:${cursor.xid}:${cursor.seq}`, 'utf8').toString('base64url')
}

/**
 * Reads a cursor this service wrote, or returns null. Strict: only the exact text encodeCursor would write
 * is accepted (no padding, no other spelling of the same numbers), so a damaged cursor is refused, never guessed at.
 */
export function decodeCursor(text: string): FeedCursor | null {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(text)) return null
  const match = /^v1:(0|[1-9][0-9]{0,19}):(0|[1-9][0-9]{0,18})$/.exec(Buffer.from(text, 'base64url').toString('utf8'))
  if (!match?.[1] || !match[2]) return null
  const cursor = { xid: BigInt(match[1]), seq: BigInt(match[2]) }
  if (cursor.xid > maxXid || cursor.seq > maxSeq) return null
  return encodeCursor(cursor) === text ? cursor : null
}
