import type { ReactNode } from 'react'
import type { Attributes, CommonOptions, Content, Items } from './shared'
import { attrs, content, cx, present } from './shared'

/** One error, linking to its field when `href` is set. */
export interface ErrorSummaryItem extends Content {
  href?: string
  attributes?: Attributes
}

export interface ErrorSummaryProps extends CommonOptions {
  titleText?: string
  titleHtml?: ReactNode
  descriptionText?: string
  descriptionHtml?: ReactNode
  /** Takes the place of the macro's `caller` block (the description). */
  children?: ReactNode
  errorList?: Items<ErrorSummaryItem>
  disableAutoFocus?: boolean
}

/** GOV.UK error summary shown at the top of a page with errors; mirrors the govukErrorSummary macro. */
export function ErrorSummary(props: ErrorSummaryProps) {
  const { titleText, titleHtml, descriptionText, descriptionHtml, children, errorList, disableAutoFocus } = props
  const description = present(children) ? children : content(descriptionHtml, descriptionText)
  const errors = errorList ?? []
  return (
    <div
      {...attrs(props.attributes, {
        'data-disable-auto-focus': disableAutoFocus === undefined ? undefined : String(disableAutoFocus),
      })}
      className={cx('govuk-error-summary', props.classes)}
      data-module="govuk-error-summary"
    >
      {/* role="alert" sits on a child so that focusing the summary does not cut the announcement short. */}
      <div role="alert">
        <h2 className="govuk-error-summary__title">{content(titleHtml, titleText)}</h2>
        <div className="govuk-error-summary__body">
          {present(description) ? <p>{description}</p> : null}
          {errors.length ? (
            <ul className="govuk-list govuk-error-summary__list">
              {errors.map((item, index) => (
                <li key={index}>
                  {!item ? null : item.href ? (
                    <a {...attrs(item.attributes)} href={item.href}>
                      {content(item.html, item.text)}
                    </a>
                  ) : (
                    content(item.html, item.text)
                  )}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </div>
  )
}
