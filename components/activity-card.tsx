import Link from 'next/link'
import { AllowedAddressesValue } from './allowed-addresses-value'
import { SummaryList, type SummaryListRow } from './govuk/summary-list'
import { formatDate, formatDateTime } from '@/lib/dates'
import type { ActivityItem } from '@/lib/history/activity'
import { revokedReasonText } from '@/lib/history/revoked-reasons'

/** The subject's name, linked to its page unless it has been deleted (its pages are gone). */
function subjectName(name: string, href: string | undefined) {
  return href ? (
    <Link className="govuk-link" href={href}>
      {name}
    </Link>
  ) : (
    name
  )
}

/**
 * A value that may have changed: one row, or (for an update) its old and new value on rows of their own. An
 * arrow between them would be read out as "rightwards arrow".
 */
function changeableRows(label: string, current: SummaryListRow['value'], previous: string | undefined): SummaryListRow[] {
  if (previous === undefined) return [{ key: { text: label }, value: current }]
  // "Client name" becomes "Old client name", but "API user" stays "Old API user".
  const inSentence = /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label
  return [
    { key: { text: `Old ${inSentence}` }, value: { text: previous } },
    { key: { text: `New ${inSentence}` }, value: current },
  ]
}

const yesNo = (value: boolean | undefined) => (value === undefined ? undefined : value ? 'Yes' : 'No')

function rows(item: ActivityItem): SummaryListRow[] {
  if (item.subject === 'user') {
    return [
      ...changeableRows('Name', { html: subjectName(item.name, item.href) }, item.previousName),
      ...changeableRows('Email address', { text: item.email }, item.previousEmail),
      ...changeableRows('API user', { text: yesNo(item.apiUser) }, yesNo(item.previousApiUser)),
    ]
  }
  return [
    ...changeableRows('Client name', { html: subjectName(item.clientName, item.href) }, item.previousName),
    { key: { text: 'Expiry date' }, value: { text: formatDate(item.expiresOn) } },
    ...(item.previousTokenStopsAt
      ? [{ key: { text: 'Previous token stops working' }, value: { text: formatDateTime(item.previousTokenStopsAt) } }]
      : []),
    ...allowedAddressRows(item.allowedAddresses, item.previousAllowedAddresses),
    ...(item.revokedReason ? [reasonRow(item.revokedReason, item.foundAtUrl)] : []),
  ]
}

/** The allowed IP addresses when they say something: after a change (old and new lists), or on an added client with some. */
function allowedAddressRows(addresses: string[] | undefined, previous: string[] | undefined): SummaryListRow[] {
  if (addresses === undefined) return []
  const value = (list: string[]) => ({ html: <AllowedAddressesValue addresses={list} /> })
  if (previous === undefined) return [{ key: { text: 'Allowed IP addresses' }, value: value(addresses) }]
  return [
    { key: { text: 'Old allowed IP addresses' }, value: value(previous) },
    { key: { text: 'New allowed IP addresses' }, value: value(addresses) },
  ]
}

/** The Reason row; a found token's address is long and unbroken, so it may wrap anywhere rather than overflow the card. */
function reasonRow(reason: string, foundAtUrl: string | undefined): SummaryListRow {
  const text = revokedReasonText(reason, foundAtUrl)
  if (!foundAtUrl) return { key: { text: 'Reason' }, value: { text } }
  return { key: { text: 'Reason' }, value: { html: <span className="govuk-!-text-break-word">{text}</span> } }
}

/**
 * One change as a GOV.UK summary card: what happened, to which API client (name and expiry date) or user
 * (name, email address, API user), and who did it when. Shared by the Activity page and History sections.
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
