'use client'

import { usePathname } from 'next/navigation'
import { ServiceNavigation } from './govuk/service-navigation'
import { serviceName } from './page-title'

export type NavigationItem = { href: string; text: string }

/** Service navigation with the item for the current section marked (aria-current). */
export function SiteNavigation({ items }: { items: NavigationItem[] }) {
  const pathname = usePathname()
  const isCurrent = (href: string) => pathname === href || pathname.startsWith(`${href}/`)
  return (
    <ServiceNavigation
      serviceName={serviceName}
      serviceUrl="/"
      navigation={items.map((item) => ({ href: item.href, text: item.text, active: isCurrent(item.href) }))}
    />
  )
}
