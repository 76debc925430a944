/** Which rows a page asks for, and from which end of the ordered list they are cheaper to reach. */
export type PageSlice = { offset: number; limit: number; fromEnd: boolean }

/**
 * Plans the read of one page of `total` rows. OFFSET costs one index entry per skipped row, so pages in the
 * second half are read backwards from the end: the last page costs what the first does, and the dearest
 * page is the middle one (O(total / 2)). Returns null for a page after the last one.
 */
export function pageSlice(total: number, page: number, perPage: number): PageSlice | null {
  const offset = (page - 1) * perPage
  if (offset >= total) return null
  const limit = Math.min(perPage, total - offset)
  const fromEndOffset = total - offset - limit
  return fromEndOffset < offset ? { offset: fromEndOffset, limit, fromEnd: true } : { offset, limit, fromEnd: false }
}
