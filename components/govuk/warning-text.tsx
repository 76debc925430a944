import type { CommonOptions, Content } from './shared'
import { attrs, content, cx } from './shared'

export interface WarningTextProps extends CommonOptions, Content {
  /** Visually hidden text for the "!" icon, "Warning" by default. */
  iconFallbackText?: string
}

/** GOV.UK warning text; mirrors the govukWarningText macro. */
export function WarningText({ text, html, iconFallbackText, classes, attributes }: WarningTextProps) {
  return (
    <div {...attrs(attributes)} className={cx('govuk-warning-text', classes)}>
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>{' '}
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{iconFallbackText || 'Warning'}</span> {content(html, text)}
      </strong>
    </div>
  )
}
