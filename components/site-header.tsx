import { Header } from './govuk/header'

/**
 * The one place that chooses the header. We use the GOV.UK header as the real service does; the
 * Design System asks services off gov.uk domains to use the Generic header, so switching is a change
 * to this file only (docs/decisions/0002-gov-uk-header.md).
 */
export function SiteHeader() {
  return <Header />
}
