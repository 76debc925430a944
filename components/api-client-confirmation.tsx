'use client'

import { useEffect, type ReactNode } from 'react'
import { CopyTokenButton } from './copy-token-button'
import { Panel } from './govuk/panel'
import { PageTitle } from './page-title'

type Props = {
  name: string
  token: string
  /** The panel's title: `API client token created` after adding, `New token created` after regenerating. */
  title?: string
  /** Anything more to say below the panel (when the old token stops, after regenerating). */
  children?: ReactNode
  /** Where the link below goes, and what it says. */
  back?: { href: string; text: string }
}

/**
 * The confirmation after adding an API client or regenerating its token: the one time the token is shown
 * (docs/decisions/0007, 0018). Anything to act on sits below the panel, because GOV.UK says links and
 * buttons inside the green panel are not accessible.
 */
export function ApiClientConfirmation({
  name,
  token,
  title = 'API client token created',
  children,
  back = { href: '/api-clients', text: 'Back to API clients' },
}: Props) {
  useEffect(() => {
    // A page restored from the back-forward cache would show the token again without asking the server;
    // reloading asks it, and it has forgotten the answers.
    const reloadIfRestored = (event: PageTransitionEvent) => {
      if (event.persisted) window.location.reload()
    }
    window.addEventListener('pageshow', reloadIfRestored)
    return () => window.removeEventListener('pageshow', reloadIfRestored)
  }, [])

  return (
    <>
      <PageTitle title={title} />
      <Panel titleText={title}>
        {name}
        <br />
        <code className="app-token govuk-!-font-size-24">{token}</code>
      </Panel>
      <p className="govuk-body">Copy this token now. For security, it cannot be viewed again.</p>
      {children}
      <CopyTokenButton token={token} />
      <p className="govuk-body">
        {/* A full page load, not next/link, so the page holding the token leaves the client router's cache. */}
        <a className="govuk-link" href={back.href}>
          {back.text}
        </a>
      </p>
    </>
  )
}
