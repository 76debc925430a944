import type { Metadata, Viewport } from 'next'
import { headers } from 'next/headers'
import type { ReactNode } from 'react'
import { Footer } from '@/components/govuk/footer'
import { PhaseBanner } from '@/components/govuk/phase-banner'
import { SkipLink } from '@/components/govuk/skip-link'
import { GovukFrontendInit } from '@/components/govuk-frontend-init'
import { SiteHeader } from '@/components/site-header'
import { SiteNavigation, type NavigationItem } from '@/components/site-navigation'
import { getSessionState } from '@/lib/auth/current-user'
import { hasGeneralAccess } from '@/lib/auth/roles'
import './styles.scss'

/** Where the Beta banner's feedback link writes to: the service team's mailbox. */
const feedbackEmail = 'register-of-training-providers@education.gov.uk'

export const metadata: Metadata = {
  icons: {
    icon: [
      { url: '/assets/images/favicon.ico', sizes: '48x48' },
      { url: '/assets/images/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
    apple: '/assets/images/govuk-icon-180.png',
  },
  manifest: '/assets/manifest.json',
}

export const viewport: Viewport = { themeColor: '#1d70b8', width: 'device-width', initialScale: 1, viewportFit: 'cover' }

async function navigationItems(): Promise<NavigationItem[]> {
  const state = await getSessionState()
  if (state.status !== 'signed-in') return []
  return [
    { href: '/api-clients', text: 'API clients' },
    { href: '/activity', text: 'Activity' },
    ...(hasGeneralAccess(state.user) ? [{ href: '/users', text: 'Users' }] : []),
    { href: '/account', text: 'Your account' },
    { href: '/sign-out', text: 'Sign out' },
  ]
}

/** The GOV.UK page template: skip link, header, service navigation, phase banner, main and footer. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get('x-nonce') ?? undefined
  const items = await navigationItems()
  return (
    <html lang="en" className="govuk-template">
      {/* The inline script below adds `js-enabled govuk-frontend-supported` to this class before React hydrates,
          as govuk-frontend's template does (before first paint, so no unstyled flash; govuk-frontend's
          JavaScript looks for the class on <body>). The server cannot know it, so the difference is intended:
          suppressHydrationWarning covers this element's own attributes only, not its children. */}
      <body className="govuk-template__body" suppressHydrationWarning>
        <script
          nonce={nonce}
          // Copied from govuk-frontend's template.njk: marks the page as able to run its JavaScript.
          dangerouslySetInnerHTML={{
            __html: "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');",
          }}
        />
        <SkipLink href="#main-content" text="Skip to main content" />
        <header className="govuk-template__header">
          <SiteHeader />
          <SiteNavigation items={items} />
          <PhaseBanner
            tag={{ text: 'Beta' }}
            html={
              <>
                This is a new service. Help us improve it and{' '}
                <a className="govuk-link" href={`mailto:${feedbackEmail}`}>
                  give your feedback by email
                </a>
                .
              </>
            }
          />
        </header>
        <div className="govuk-width-container">
          <main className="govuk-main-wrapper" id="main-content">
            {children}
          </main>
        </div>
        <footer className="govuk-template__footer">
          <Footer
            meta={{
              visuallyHiddenTitle: 'Support links',
              items: [
                { href: '/accessibility', text: 'Accessibility statement' },
                { href: '/cookies', text: 'Cookies' },
                { href: '/api-docs', text: 'API documentation' },
              ],
            }}
          />
        </footer>
        <GovukFrontendInit />
      </body>
    </html>
  )
}
