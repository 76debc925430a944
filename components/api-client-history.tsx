import { ActivityCard } from './activity-card'
import type { ActivityItem } from '@/lib/history/activity'

/** The History section of an API client's page: its changes, newest first, as activity cards. */
export function ApiClientHistory({ items }: { items: ActivityItem[] }) {
  return (
    <section aria-labelledby="history">
      <h2 className="govuk-heading-m" id="history">
        History
      </h2>
      {items.length === 0 ? (
        // Clients always have an 'added' revision; only data loaded around the service could lack one.
        <p className="govuk-body">There is no history for this API client.</p>
      ) : (
        // Every item is about the client whose page this is, so its name would only link back here.
        items.map((item) => <ActivityCard key={item.id} item={{ ...item, href: undefined }} headingLevel={3} />)
      )}
    </section>
  )
}
