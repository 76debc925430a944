import type { CommonOptions, Content } from './shared'
import { attrs, content, cx, present } from './shared'

export interface LabelProps extends CommonOptions, Content {
  /** The id of the field the label is for (the macro's `for`). */
  for?: string
  isPageHeading?: boolean
}

/** GOV.UK form label, optionally wrapped in the page's h1; mirrors the govukLabel macro. */
export function Label({ text, html, for: htmlFor, isPageHeading, classes, attributes }: LabelProps) {
  if (!present(html) && !present(text)) return null
  const label = (
    <label {...attrs(attributes, { htmlFor: htmlFor || undefined })} className={cx('govuk-label', classes)}>
      {content(html, text)}
    </label>
  )
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label
}
