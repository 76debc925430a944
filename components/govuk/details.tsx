import type { ReactNode } from 'react'
import type { CommonOptions, Content } from './shared'
import { attrs, content, cx, present } from './shared'

export interface DetailsProps extends CommonOptions, Content {
  summaryText?: string
  summaryHtml?: ReactNode
  id?: string
  open?: boolean
  /** Takes the place of the macro's `caller` block. */
  children?: ReactNode
}

/** GOV.UK details (expandable section); mirrors the govukDetails macro. */
export function Details(props: DetailsProps) {
  const { id, open, summaryText, summaryHtml, text, html, classes, attributes, children } = props
  return (
    <details {...attrs(attributes, { id: id || undefined })} className={cx('govuk-details', classes)} open={open || undefined}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{content(summaryHtml, summaryText)}</span>
      </summary>
      <div className="govuk-details__text">{present(children) ? children : content(html, text)}</div>
    </details>
  )
}
