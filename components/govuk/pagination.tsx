import type { ReactNode } from 'react'
import type { Attributes, CommonOptions, Content } from './shared'
import { attrs, content, cx, hasContent } from './shared'

/** A numbered page link, or an ellipsis between them. */
export interface PaginationItem {
  number?: string | number
  /** Accessible label for the link, "Page {number}" by default. */
  visuallyHiddenText?: string
  href?: string
  current?: boolean
  ellipsis?: boolean
  attributes?: Attributes
}

/** The previous or next link. */
export interface PaginationLink extends Content {
  href: string
  /** Extra description shown under the link in the block (previous/next only) layout. */
  labelText?: string
  attributes?: Attributes
}

export interface PaginationProps extends CommonOptions {
  items?: ReadonlyArray<PaginationItem | null | undefined>
  previous?: PaginationLink
  next?: PaginationLink
  /** The navigation landmark's label, "Pagination" by default. */
  landmarkLabel?: string
}

function Arrow({ type }: { type: 'prev' | 'next' }) {
  return (
    <svg
      className={`govuk-pagination__icon govuk-pagination__icon--${type}`}
      xmlns="http://www.w3.org/2000/svg"
      height="13"
      width="15"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 15 13"
    >
      {type === 'prev' ? (
        <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z" />
      ) : (
        <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
      )}
    </svg>
  )
}

function ArrowLink({ link, type, blockLevel }: { link: PaginationLink; type: 'prev' | 'next'; blockLevel: boolean }) {
  const fallback: ReactNode = (
    <>
      {type === 'prev' ? 'Previous' : 'Next'}
      <span className="govuk-visually-hidden"> page</span>
    </>
  )
  return (
    <div className={`govuk-pagination__${type}`}>
      <a {...attrs(link.attributes)} className="govuk-link govuk-pagination__link" href={link.href} rel={type}>
        {blockLevel || type === 'prev' ? <Arrow type={type} /> : null}
        <span className={cx('govuk-pagination__link-title', blockLevel && !link.labelText && 'govuk-pagination__link-title--decorated')}>
          {hasContent(link) ? content(link.html, link.text) : fallback}
        </span>
        {link.labelText && blockLevel ? (
          <>
            {' '}
            <span className="govuk-visually-hidden">:</span> <span className="govuk-pagination__link-label">{link.labelText}</span>
          </>
        ) : null}
        {!blockLevel && type === 'next' ? <Arrow type={type} /> : null}
      </a>
    </div>
  )
}

function PageItem({ item }: { item: PaginationItem }) {
  return (
    <li
      className={cx('govuk-pagination__item', item.current && 'govuk-pagination__item--current', item.ellipsis && 'govuk-pagination__item--ellipsis')}
    >
      {item.ellipsis ? (
        '⋯'
      ) : (
        <a
          {...attrs(item.attributes, { 'aria-current': item.current ? 'page' : undefined })}
          className="govuk-link govuk-pagination__link"
          href={item.href}
          aria-label={item.visuallyHiddenText ?? `Page ${item.number}`}
        >
          {item.number}
        </a>
      )}
    </li>
  )
}

/** GOV.UK pagination: numbered pages, or previous/next links; mirrors the govukPagination macro. */
export function Pagination({ items, previous, next, landmarkLabel, classes, attributes }: PaginationProps) {
  // Without numbered items the previous/next links are laid out as blocks.
  const blockLevel = !items && Boolean(next || previous)
  return (
    <nav
      {...attrs(attributes)}
      className={cx('govuk-pagination', blockLevel && 'govuk-pagination--block', classes)}
      aria-label={landmarkLabel || 'Pagination'}
    >
      {previous?.href ? <ArrowLink link={previous} type="prev" blockLevel={blockLevel} /> : null}
      {items ? (
        <ul className="govuk-pagination__list">
          {items.map((item, index) => (item && Object.keys(item).length > 0 ? <PageItem key={index} item={item} /> : null))}
        </ul>
      ) : null}
      {next?.href ? <ArrowLink link={next} type="next" blockLevel={blockLevel} /> : null}
    </nav>
  )
}
