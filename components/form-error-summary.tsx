import { ErrorSummary } from './govuk/error-summary'
import type { ErrorSummaryItem } from '@/lib/forms/form-state'

/** The error summary every form shows above its heading when there are errors; nothing otherwise. */
export function FormErrorSummary({ summary }: { summary: ErrorSummaryItem[] }) {
  if (summary.length === 0) return null
  return <ErrorSummary titleText="There is a problem" errorList={summary} />
}
