import { GenericHeader } from './generic-header'
import { GovukLogo } from './logo'
import type { CommonOptions } from './shared'

export interface HeaderProps extends CommonOptions {
  /** Link for the GOV.UK logo, "//gov.uk" by default. */
  homepageUrl?: string
  productName?: string
  containerClasses?: string
}

/** GOV.UK header with the crown logo; mirrors the govukHeader macro. */
export function Header({ homepageUrl, productName, containerClasses, classes, attributes }: HeaderProps) {
  const logo = (
    <>
      <GovukLogo classes="govuk-header__logotype" ariaLabelText="GOV.UK" />
      {productName ? (
        <>
          {' '}
          <span className="govuk-header__product-name">{productName}</span>
        </>
      ) : null}
    </>
  )
  return (
    <GenericHeader
      _namespace="govuk"
      logoHtml={logo}
      url={homepageUrl || '//gov.uk'}
      containerClasses={containerClasses}
      classes={classes}
      attributes={attributes}
    />
  )
}
