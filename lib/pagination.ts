/** A page of results: which page, its size, and how many results there are in all. */
export type PageWindow = { page: number; perPage: number; total: number }

/** Number of pages (at least 1, so an empty list still has page 1). */
export function totalPages({ perPage, total }: Pick<PageWindow, 'perPage' | 'total'>): number {
  return Math.max(1, Math.ceil(total / perPage))
}

/** Reads `?page=` as a whole number from 1; anything else is page 1. */
export function parsePageNumber(value: string | string[] | undefined): number {
  const text = Array.isArray(value) ? value[0] : value
  if (!text || !/^[1-9][0-9]{0,6}$/.test(text)) return 1
  return Number(text)
}

/**
 * The page numbers GOV.UK pagination shows: the first, the last, and the current one with its
 * neighbours, with `null` for each gap (an ellipsis). For example 1 … 4 [5] 6 … 20.
 */
export function pageNumbersToShow(current: number, pages: number): (number | null)[] {
  const wanted = new Set([1, pages, current - 1, current, current + 1].filter((page) => page >= 1 && page <= pages))
  const sorted = [...wanted].sort((a, b) => a - b)
  return sorted.flatMap((page, index) => {
    const previous = sorted[index - 1]
    return previous !== undefined && page - previous > 1 ? [null, page] : [page]
  })
}

/** "Showing 16 to 30 of 42 results" as its three numbers. */
export function shownRange({ page, perPage, total }: PageWindow): { from: number; to: number; total: number } {
  if (total === 0) return { from: 0, to: 0, total }
  const from = (page - 1) * perPage + 1
  return { from, to: Math.min(total, page * perPage), total }
}
