import { Details } from '@/components/govuk/details'
import { SummaryList } from '@/components/govuk/summary-list'
import { Table } from '@/components/govuk/table'
import { formatDate } from '@/lib/dates'
import type { UsageReport } from '@/lib/usage/report'
import { UsageChart } from './usage-chart'

const count = (value: number) => value.toLocaleString('en-GB')
const requests = (value: number) => `${count(value)} ${value === 1 ? 'request' : 'requests'}`

type Totals = UsageReport['last7']

function totalText(totals: Totals): string {
  if (totals.total === 0) return 'No requests'
  return `${requests(totals.total)}: ${count(totals.succeeded)} succeeded, ${count(totals.rateLimited)} rate limited, ${count(totals.refused)} refused`
}

/** The Usage section of an API client's page: the last 30 UK days as totals, a bar chart and a table (docs/product/api-clients.md#usage). */
export function UsageSection({ usage }: { usage: UsageReport }) {
  const busyDays = usage.days.filter((day) => day.total > 0).reverse()
  return (
    <section aria-labelledby="usage">
      <h2 className="govuk-heading-m" id="usage">
        Usage
      </h2>
      <p className="govuk-body">Requests to the register API with this client&apos;s token, by day in UK time. The figures may be up to a minute behind.</p>
      <Details summaryText="What the figures mean">
        <p className="govuk-body">
          <strong>Succeeded</strong> means the token was accepted. <strong>Rate limited</strong> means the request was turned away because too many
          were sent in a minute. <strong>Refused</strong> means the token was refused because the client had been revoked or had expired, or the request came from an IP address the client does not allow.
        </p>
        <p className="govuk-body">Figures are kept for 13 months.</p>
      </Details>
      {busyDays.length === 0 ? (
        <p className="govuk-body">There have been no requests in the last 30 days.</p>
      ) : (
        <>
          <SummaryList
            rows={[
              { key: { text: 'Last 7 days' }, value: { text: totalText(usage.last7) } },
              { key: { text: 'Last 30 days' }, value: { text: totalText(usage.last30) } },
            ]}
          />
          <h3 className="govuk-heading-s">Requests a day, last 30 days</h3>
          <UsageChart days={usage.days} />
          <Table
            classes="govuk-!-margin-top-6"
            caption="Requests by day, last 30 days"
            captionClasses="govuk-table__caption--s"
            firstCellIsHeader
            head={[{ text: 'Date' }, { text: 'Succeeded', format: 'numeric' }, { text: 'Rate limited', format: 'numeric' }, { text: 'Refused', format: 'numeric' }]}
            rows={busyDays.map((day) => [
              { text: formatDate(day.day) },
              { text: count(day.succeeded), format: 'numeric' },
              { text: count(day.rateLimited), format: 'numeric' },
              { text: count(day.refused), format: 'numeric' },
            ])}
          />
        </>
      )}
    </section>
  )
}
