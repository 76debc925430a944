import type { CommonOptions, Content } from './shared'
import { attrs, content, cx } from './shared'

export interface BackLinkProps extends CommonOptions, Content {
  href?: string
}

/** GOV.UK back link; mirrors the govukBackLink macro. */
export function BackLink({ href, text, html, classes, attributes }: BackLinkProps) {
  return (
    <a {...attrs(attributes)} href={href || '#'} className={cx('govuk-back-link', classes)}>
      {content(html, text || 'Back')}
    </a>
  )
}
