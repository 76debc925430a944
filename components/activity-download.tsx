import { Button } from '@/components/govuk/button'
import { DateInput } from '@/components/govuk/date-input'
import type { ExportRangeResult, ExportRangeValues, RangeQuestion } from '@/lib/history/export-range'

type Errors = Extract<ExportRangeResult, { ok: false }>['errors']
type Props = { values: ExportRangeValues; errors: Errors; example: string }

const legends: Record<RangeQuestion, string> = { from: 'From', to: 'To' }

/**
 * Download as CSV on the Activity page: a GET form to the download, which sends a bad range back to this
 * page with the values and errors (app/(staff)/activity/download/route.ts). It works without JavaScript.
 */
export function ActivityDownload({ values, errors, example }: Props) {
  return (
    <section aria-labelledby="download-heading">
      <h2 className="govuk-heading-m" id="download-heading">
        Download as CSV
      </h2>
      <p className="govuk-body">Download every change you can see on this page between two dates, as a spreadsheet (CSV). Times are in UTC.</p>
      <form action="/activity/download" method="get" noValidate>
        {(['from', 'to'] as const).map((question) => {
          const error = errors[question]
          const marked = (part: 'day' | 'month' | 'year') => Boolean(error?.fields.includes(part))
          return (
            <DateInput
              key={question}
              id={question}
              namePrefix={question}
              fieldset={{ legend: { text: legends[question], classes: 'govuk-fieldset__legend--s' } }}
              hint={{ text: `For example, ${example}` }}
              errorMessage={error ? { text: error.message } : undefined}
              day={{ name: 'day', value: values[`${question}-day`], error: marked('day') }}
              month={{ name: 'month', value: values[`${question}-month`], error: marked('month') }}
              year={{ name: 'year', value: values[`${question}-year`], error: marked('year') }}
            />
          )
        })}
        <Button text="Download as CSV" classes="govuk-button--secondary" />
      </form>
    </section>
  )
}
