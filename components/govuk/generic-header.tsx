import type { ReactNode } from 'react'
import type { CommonOptions } from './shared'
import { attrs, content, cx } from './shared'

export interface GenericHeaderProps extends CommonOptions {
  /** Homepage link, "/" by default. */
  url?: string
  logoText?: string
  logoHtml?: ReactNode
  /** Classes for the container, "govuk-width-container" by default. */
  containerClasses?: string
  /** Private class-name namespace; the GOV.UK header uses "govuk". */
  _namespace?: 'govuk' | 'govuk-generic'
}

/** Generic (non-GOV.UK-branded) service header; mirrors the govukGenericHeader macro. */
export function GenericHeader({ url, logoText, logoHtml, containerClasses, classes, attributes, _namespace }: GenericHeaderProps) {
  const namespace = _namespace ?? 'govuk-generic'
  return (
    <div {...attrs(attributes)} className={cx(`${namespace}-header`, classes)}>
      <div className={cx(`${namespace}-header__container`, containerClasses || 'govuk-width-container')}>
        <div className={`${namespace}-header__logo`}>
          <a href={url || '/'} className={`${namespace}-header__homepage-link`}>
            {content(logoHtml, logoText)}
          </a>
        </div>
      </div>
    </div>
  )
}
