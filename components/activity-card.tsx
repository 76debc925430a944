import Link from 'next/link'
import { SummaryList, type SummaryListRow } from './govuk/summary-list'
import { formatDate, formatDateTime } from '@/lib/dates'
import type { ActivityItem } from '@/lib/history/activity'

/** The client's name, linked to its page unless the client has been deleted (its pages are gone). */
function clientName(item: ActivityItem) {
  return item.href ? (
    <Link className="govuk-link" href={item.href}>
      {item.clientName}
    </Link>
  ) : (
    item.clientName
  )
}

function rows(item: ActivityItem): SummaryListRow[] {
  // A rename shows both names on their own rows: an arrow between them is read out as "rightwards arrow".
  const names: SummaryListRow[] =
    item.previousName === undefined
      ? [{ key: { text: 'Client name' }, value: { html: clientName(item) } }]
      : [
          { key: { text: 'Old client name' }, value: { text: item.previousName } },
          { key: { text: 'New client name' }, value: { html: clientName(item) } },
        ]
  return [...names, { key: { text: 'Expiry date' }, value: { text: formatDate(item.expiresOn) } }]
}

/**
 * One change to an API client as a GOV.UK summary card: what happened, the client's name and expiry date,
 * and who did it when. Shared by the Activity page and a client's History section.
 */
export function ActivityCard({ item, headingLevel = 2 }: { item: ActivityItem; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const
  const actor = item.actorName ?? 'the system'
  // The card markup is govukSummaryList's, written out so the "By …" line can sit inside the card. Cards
  // pad their content bottom only from tablet up, so the line keeps a small margin of its own for phones.
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <Heading className="govuk-summary-card__title">{item.title}</Heading>
      </div>
      <div className="govuk-summary-card__content">
        <SummaryList rows={rows(item)} />
        <p className="govuk-body-s govuk-!-margin-top-3 govuk-!-margin-bottom-2">
          By {actor} on <time dateTime={item.at.toISOString()}>{formatDateTime(item.at)}</time>
        </p>
      </div>
    </div>
  )
}
