import type { ReactNode } from 'react'
import type { CommonOptions, Content, HeadingLevel } from './shared'
import { attrs, cx, present } from './shared'

export interface NotificationBannerProps extends CommonOptions, Content {
  /** Takes the place of the macro's `caller` block. */
  children?: ReactNode
  titleText?: string
  titleHtml?: ReactNode
  titleHeadingLevel?: HeadingLevel
  /** `success` gives the green banner with role="alert". */
  type?: string
  role?: string
  titleId?: string
  disableAutoFocus?: boolean
}

/** GOV.UK notification banner; mirrors the govukNotificationBanner macro. */
export function NotificationBanner(props: NotificationBannerProps) {
  const { text, html, children, titleText, titleHtml, type, disableAutoFocus } = props
  const success = type === 'success'
  // Success banners are alerts; others are landmarks, so users of assistive technology can find them.
  const role = props.role || (success ? 'alert' : 'region')
  const title = present(titleHtml) ? titleHtml : titleText || (success ? 'Success' : 'Important')
  const titleId = props.titleId || 'govuk-notification-banner-title'
  const Heading = `h${props.titleHeadingLevel || 2}` as `h${HeadingLevel}`
  return (
    <div
      {...attrs(props.attributes, {
        'data-disable-auto-focus': disableAutoFocus === undefined ? undefined : String(disableAutoFocus),
      })}
      className={cx('govuk-notification-banner', success && 'govuk-notification-banner--success', props.classes)}
      role={role}
      aria-labelledby={titleId}
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <Heading className="govuk-notification-banner__title" id={titleId}>
          {title}
        </Heading>
      </div>
      <div className="govuk-notification-banner__content">
        {present(children) || present(html) ? (
          present(children) ? (
            children
          ) : (
            html
          )
        ) : present(text) ? (
          <p className="govuk-notification-banner__heading">{text}</p>
        ) : null}
      </div>
    </div>
  )
}
