import { isValidElement } from 'react'
import type { ReactNode } from 'react'
import type { Attributes, CommonOptions, Content } from './shared'
import { attrs, content, cx, present, truthy } from './shared'

/** A navigation link, or plain text when it has no `href`. */
export interface ServiceNavigationItem extends Content {
  href?: string
  /** The page being shown: highlighted, with aria-current="page". */
  current?: boolean
  /** A section the page belongs to: highlighted, with aria-current="true". */
  active?: boolean
  attributes?: Attributes
}

/** The `end` slot, optionally aligned inline with the navigation. */
export interface ServiceNavigationEndSlot {
  html?: ReactNode
  align?: 'inline'
}

export interface ServiceNavigationProps extends CommonOptions {
  /** Label of the section landmark, "Service information" by default. */
  ariaLabel?: string
  menuButtonText?: string
  menuButtonLabel?: string
  navigationLabel?: string
  navigationId?: string
  navigationClasses?: string
  /** Collapses the links behind a menu button on small screens; on by default for more than one link. */
  collapseNavigationOnMobile?: boolean
  serviceName?: string
  serviceUrl?: string
  navigation?: ReadonlyArray<ServiceNavigationItem | null | undefined | false | ''>
  /** Content injected around the navigation (the macro's HTML slots). */
  slots?: {
    start?: ReactNode
    end?: ReactNode | ServiceNavigationEndSlot
    navigationStart?: ReactNode
    navigationEnd?: ReactNode
  }
}

function isEndSlotObject(end: ReactNode | ServiceNavigationEndSlot): end is ServiceNavigationEndSlot {
  return typeof end === 'object' && end !== null && !Array.isArray(end) && !isValidElement(end) && ('html' in end || 'align' in end)
}

function NavigationItem({ item }: { item: ServiceNavigationItem }) {
  const highlighted = item.active || item.current
  const ariaCurrent = highlighted ? (item.current ? 'page' : 'true') : undefined
  // Active links are also wrapped in <strong>, for users who override colours.
  const inner = highlighted ? (
    <strong className="govuk-service-navigation__active-fallback">{content(item.html, item.text)}</strong>
  ) : (
    content(item.html, item.text)
  )
  return (
    <li className={cx('govuk-service-navigation__item', highlighted && 'govuk-service-navigation__item--active')}>
      {item.href ? (
        <a {...attrs(item.attributes, { 'aria-current': ariaCurrent })} className="govuk-service-navigation__link" href={item.href}>
          {inner}
        </a>
      ) : present(item.html) || present(item.text) ? (
        <span className="govuk-service-navigation__text" aria-current={ariaCurrent}>
          {inner}
        </span>
      ) : null}
    </li>
  )
}

/** GOV.UK service navigation: service name and main navigation links; mirrors the govukServiceNavigation macro. */
export function ServiceNavigation(props: ServiceNavigationProps) {
  const { serviceName, serviceUrl, slots = {}, classes, attributes } = props
  const menuButtonText = props.menuButtonText || 'Menu'
  const navigationId = props.navigationId || 'navigation'
  const end = slots.end
  const endSlot = isEndSlotObject(end) ? end.html : end
  const endSlotInline = isEndSlotObject(end) && end.align === 'inline'
  const items = truthy(props.navigation)
  const collapse = props.collapseNavigationOnMobile ?? items.length > 1
  const hasNavigation = items.length > 0 || present(slots.navigationStart) || present(slots.navigationEnd)

  const inner = (
    <div className={cx('govuk-width-container', endSlotInline && 'govuk-service-navigation__inlining-container')}>
      {present(slots.start) ? slots.start : null}
      <div className="govuk-service-navigation__container">
        {serviceName ? (
          <span className="govuk-service-navigation__service-name">
            {serviceUrl ? (
              <a href={serviceUrl} className="govuk-service-navigation__link">
                {serviceName}
              </a>
            ) : (
              <span className="govuk-service-navigation__text">{serviceName}</span>
            )}
          </span>
        ) : null}
        {hasNavigation ? (
          <nav aria-label={props.navigationLabel || menuButtonText} className={cx('govuk-service-navigation__wrapper', props.navigationClasses)}>
            {collapse ? (
              <button
                type="button"
                className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                aria-controls={navigationId}
                aria-label={props.menuButtonLabel && props.menuButtonLabel !== menuButtonText ? props.menuButtonLabel : undefined}
                hidden
                aria-hidden="true"
              >
                {menuButtonText}
              </button>
            ) : null}
            <ul className="govuk-service-navigation__list" id={navigationId}>
              {present(slots.navigationStart) ? slots.navigationStart : null}
              {items.map((item, index) => (
                <NavigationItem key={index} item={item} />
              ))}
              {present(slots.navigationEnd) ? slots.navigationEnd : null}
            </ul>
          </nav>
        ) : null}
      </div>
      {present(endSlot) ? endSlot : null}
    </div>
  )

  const common = { ...attrs(attributes), className: cx('govuk-service-navigation', classes), 'data-module': 'govuk-service-navigation' }
  // With a service name or slotted content, a labelled <section> is the landmark; otherwise the <nav> is enough.
  if (serviceName || present(slots.start) || present(endSlot)) {
    return (
      <section {...common} aria-label={props.ariaLabel ?? 'Service information'}>
        {inner}
      </section>
    )
  }
  return <div {...common}>{inner}</div>
}
