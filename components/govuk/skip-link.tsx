import type { CommonOptions, Content } from './shared'
import { attrs, content, cx } from './shared'

export interface SkipLinkProps extends CommonOptions, Content {
  href?: string
}

/** GOV.UK skip link; mirrors the govukSkipLink macro. */
export function SkipLink({ href, text, html, classes, attributes }: SkipLinkProps) {
  return (
    <a {...attrs(attributes)} href={href || '#content'} className={cx('govuk-skip-link', classes)} data-module="govuk-skip-link">
      {content(html, text)}
    </a>
  )
}
