import type { CommonOptions, Content } from './shared'
import { attrs, content, cx } from './shared'

export interface ErrorMessageProps extends CommonOptions, Content {
  id?: string
  /** Visually hidden prefix, "Error" by default; pass `''` to leave it out. */
  visuallyHiddenText?: string
}

/** GOV.UK error message for a form field; mirrors the govukErrorMessage macro. */
export function ErrorMessage({ id, text, html, classes, attributes, visuallyHiddenText = 'Error' }: ErrorMessageProps) {
  return (
    <p {...attrs(attributes, { id: id || undefined })} className={cx('govuk-error-message', classes)}>
      {visuallyHiddenText ? <span className="govuk-visually-hidden">{visuallyHiddenText}:</span> : null}
      {visuallyHiddenText ? ' ' : null}
      {content(html, text)}
    </p>
  )
}
