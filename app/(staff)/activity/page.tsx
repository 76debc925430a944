import { notFound } from 'next/navigation'
import { ActivityCard } from '@/components/activity-card'
import { PageTitle } from '@/components/page-title'
import { PaginatedResults } from '@/components/paginated-results'
import { requireUser } from '@/lib/auth/current-user'
import { systemClock } from '@/lib/clock'
import { activityPerPage } from '@/lib/history/activity'
import { groupByDay } from '@/lib/history/days'
import { listActivity } from '@/lib/history/load'
import { parsePageNumber, totalPages } from '@/lib/pagination'

type Props = { searchParams: Promise<{ page?: string | string[] }> }

/** Activity: every change a person may see, newest first, grouped by UK day, 25 to a page. */
export default async function ActivityPage({ searchParams }: Props) {
  const viewer = await requireUser()
  const page = parsePageNumber((await searchParams).page)
  const { items, total } = await listActivity(viewer, page)
  const pages = totalPages({ perPage: activityPerPage, total })
  if (page > pages) notFound()
  const title = pages > 1 ? `Activity (page ${page} of ${pages})` : 'Activity'

  return (
    <>
      <PageTitle title={title} />
      <h1 className="govuk-heading-l">Activity</h1>
      {items.length === 0 ? (
        <p className="govuk-body">There is no activity.</p>
      ) : (
        groupByDay(items, systemClock()).map((group) => (
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
    </>
  )
}
