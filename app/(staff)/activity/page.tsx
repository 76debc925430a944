import { notFound } from 'next/navigation'
import { ActivityCard } from '@/components/activity-card'
import { ActivityDownload } from '@/components/activity-download'
import { FormErrorSummary } from '@/components/form-error-summary'
import { PageTitle } from '@/components/page-title'
import { PaginatedResults } from '@/components/paginated-results'
import { requireUser } from '@/lib/auth/current-user'
import { systemClock } from '@/lib/clock'
import { activityPerPage } from '@/lib/history/activity'
import { groupByDay } from '@/lib/history/days'
import { exportDateExample, exportRangeForm } from '@/lib/history/export-range'
import { listActivity } from '@/lib/history/load'
import { toSearchParams } from '@/lib/http/search-params'
import { parsePageNumber, totalPages } from '@/lib/pagination'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** Activity: every change a person may see, newest first, grouped by UK day, 25 to a page, and its download. */
export default async function ActivityPage({ searchParams }: Props) {
  const viewer = await requireUser()
  const search = toSearchParams(await searchParams)
  const page = parsePageNumber(search.get('page') ?? undefined)
  const { items, total } = await listActivity(viewer, page)
  const pages = totalPages({ perPage: activityPerPage, total })
  if (page > pages) notFound()
  const title = pages > 1 ? `Activity (page ${page} of ${pages})` : 'Activity'
  const now = systemClock()
  const download = exportRangeForm(search, now)

  return (
    <>
      <PageTitle title={title} hasErrors={download.summary.length > 0} />
      <FormErrorSummary summary={download.summary} />
      <h1 className="govuk-heading-l">Activity</h1>
      {items.length === 0 ? (
        <p className="govuk-body">There is no activity.</p>
      ) : (
        groupByDay(items, now).map((group) => (
          <section key={group.heading} aria-labelledby={`day-${group.heading.replace(/\W+/g, '-')}`}>
            <h2 className="govuk-heading-m" id={`day-${group.heading.replace(/\W+/g, '-')}`}>
              {group.heading}
            </h2>
            {group.items.map((item) => (
              <ActivityCard key={item.id} item={item} headingLevel={3} />
            ))}
          </section>
        ))
      )}
      <PaginatedResults window={{ page, perPage: activityPerPage, total }} href={(number) => `/activity?page=${number}`} />
      {/* After the list, which is what the page is for; the error summary at the top links down to it. */}
      <ActivityDownload values={download.values} errors={download.errors} example={exportDateExample(now)} />
    </>
  )
}
