import { GovukLogo } from './logo'
import type { Attributes, CommonOptions, Content } from './shared'
import { attrs, content, cx, hasContent } from './shared'

/** A footer link. */
export interface FooterLink {
  text: string
  href: string
  attributes?: Attributes
}

/** A titled group of links above the meta section. */
export interface FooterNavigation {
  title: string
  /** Number of columns the links are split into. */
  columns?: number
  /** Grid width of the section, such as `one-third`; `full` by default. */
  width?: string
  items?: ReadonlyArray<FooterLink>
}

export interface FooterProps extends CommonOptions {
  /** Support links (cookies, accessibility statement…) and custom meta content. */
  meta?: Content & { visuallyHiddenTitle?: string; items?: ReadonlyArray<FooterLink> }
  navigation?: ReadonlyArray<FooterNavigation>
  /** Replaces the Open Government Licence statement; `null` removes it. */
  contentLicence?: Content | null
  /** Replaces the "© Crown copyright" text. */
  copyright?: Content
  containerClasses?: string
}

function LicenceLogo() {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      className="govuk-footer__licence-logo"
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 483.2 195.7"
      height="17"
      width="41"
    >
      <path
        fill="currentColor"
        d="M421.5 142.8V.1l-50.7 32.3v161.1h112.4v-50.7zm-122.3-9.6A47.12 47.12 0 0 1 221 97.8c0-26 21.1-47.1 47.1-47.1 16.7 0 31.4 8.7 39.7 21.8l42.7-27.2A97.63 97.63 0 0 0 268.1 0c-36.5 0-68.3 20.1-85.1 49.7A98 98 0 0 0 97.8 0C43.9 0 0 43.9 0 97.8s43.9 97.8 97.8 97.8c36.5 0 68.3-20.1 85.1-49.7a97.76 97.76 0 0 0 149.6 25.4l19.4 22.2h3v-87.8h-80l24.3 27.5zM97.8 145c-26 0-47.1-21.1-47.1-47.1s21.1-47.1 47.1-47.1 47.2 21 47.2 47S123.8 145 97.8 145"
      />
    </svg>
  )
}

/** GOV.UK footer with licence and copyright; mirrors the govukFooter macro. */
export function Footer({ meta, navigation, contentLicence, copyright, containerClasses, classes, attributes }: FooterProps) {
  return (
    <div {...attrs(attributes)} className={cx('govuk-footer', classes)}>
      <div className={cx('govuk-width-container', containerClasses)}>
        <GovukLogo classes="govuk-footer__crown" useLogotype={false} />
        {navigation?.length ? (
          <>
            <div className="govuk-footer__navigation">
              {navigation.map((nav, index) => (
                <div className={`govuk-footer__section govuk-grid-column-${nav.width || 'full'}`} key={index}>
                  <h2 className="govuk-footer__heading govuk-heading-m">{nav.title}</h2>
                  {nav.items?.length ? (
                    <ul className={cx('govuk-footer__list', nav.columns ? `govuk-footer__list--columns-${nav.columns}` : undefined)}>
                      {nav.items.map((item, itemIndex) =>
                        item.href && item.text ? (
                          <li className="govuk-footer__list-item" key={itemIndex}>
                            <a {...attrs(item.attributes)} className="govuk-footer__link" href={item.href}>
                              {item.text}
                            </a>
                          </li>
                        ) : null,
                      )}
                    </ul>
                  ) : null}
                </div>
              ))}
            </div>
            <hr className="govuk-footer__section-break" />
          </>
        ) : null}
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            {meta ? (
              <>
                <h2 className="govuk-visually-hidden">{meta.visuallyHiddenTitle || 'Support links'}</h2>
                {meta.items?.length ? (
                  <ul className="govuk-footer__inline-list">
                    {meta.items.map((item, index) => (
                      <li className="govuk-footer__inline-list-item" key={index}>
                        <a {...attrs(item.attributes)} className="govuk-footer__link" href={item.href}>
                          {item.text}
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {hasContent(meta) ? <div className="govuk-footer__meta-custom">{content(meta.html, meta.text)}</div> : null}
              </>
            ) : null}
            {contentLicence !== null ? (
              <>
                <LicenceLogo />
                <span className="govuk-footer__licence-description">
                  {hasContent(contentLicence) ? (
                    content(contentLicence.html, contentLicence.text)
                  ) : (
                    <>
                      All content is available under the{' '}
                      <a
                        className="govuk-footer__link"
                        href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
                        rel="license"
                      >
                        Open Government Licence v3.0
                      </a>
                      , except where otherwise stated
                    </>
                  )}
                </span>
              </>
            ) : null}
          </div>
          <div className="govuk-footer__meta-item">
            <a
              className="govuk-footer__link govuk-footer__copyright-logo"
              href="https://www.nationalarchives.gov.uk/information-management/re-using-public-sector-information/uk-government-licensing-framework/crown-copyright/"
            >
              {hasContent(copyright) ? content(copyright.html, copyright.text) : '© Crown copyright'}
            </a>
          </div>
        </div>
      </div>
    </div>
  )
}
