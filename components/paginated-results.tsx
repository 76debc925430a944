import { Pagination } from './govuk/pagination'
import { pageNumbersToShow, shownRange, totalPages, type PageWindow } from '@/lib/pagination'

/** "Showing x to y of n results" under a list, with GOV.UK pagination when there is more than one page. */
export function PaginatedResults({ window, href }: { window: PageWindow; href: (page: number) => string }) {
  const pages = totalPages(window)
  const { from, to, total } = shownRange(window)
  const { page } = window
  if (total === 0) return null
  return (
    <>
      {pages > 1 ? (
        <Pagination
          previous={page > 1 ? { href: href(page - 1) } : undefined}
          next={page < pages ? { href: href(page + 1) } : undefined}
          items={pageNumbersToShow(page, pages).map((number) =>
            number === null ? { ellipsis: true } : { number, href: href(number), current: number === page },
          )}
        />
      ) : null}
      <p className="govuk-body">
        Showing <b>{from}</b> to <b>{to}</b> of <b>{total}</b> results
      </p>
    </>
  )
}
