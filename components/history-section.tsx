import { ActivityCard } from './activity-card'
import type { ActivityItem } from '@/lib/history/activity'

/**
 * The History section of an API client's or a user's page: its changes, newest first, as activity cards.
 * `emptyText` is for records without any (seeded demo users, or data loaded around the service).
 */
export function HistorySection({ items, emptyText }: { items: ActivityItem[]; emptyText: string }) {
  return (
    <section aria-labelledby="history">
      <h2 className="govuk-heading-m" id="history">
        History
      </h2>
      {items.length === 0 ? (
        <p className="govuk-body">{emptyText}</p>
      ) : (
        // Every item is about the record whose page this is, so its name would only link back here.
        items.map((item) => <ActivityCard key={item.id} item={{ ...item, href: undefined }} headingLevel={3} />)
      )}
    </section>
  )
}
