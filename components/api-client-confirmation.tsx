'use client'

import { useEffect } from 'react'
import { CopyTokenButton } from './copy-token-button'
import { Panel } from './govuk/panel'
import { PageTitle } from './page-title'

/**
 * The confirmation after adding an API client: the one time its token is shown (docs/decisions/0007).
 * Anything to act on sits below the panel, because GOV.UK says links and buttons inside the green panel are
 * not accessible.
 */
export function ApiClientConfirmation({ name, token }: { name: string; token: string }) {
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
      <PageTitle title="API client token created" />
      <Panel titleText="API client token created">
        {name}
        <br />
        <code className="app-token govuk-!-font-size-24">{token}</code>
      </Panel>
      <p className="govuk-body">Copy this token now. For security, it cannot be viewed again.</p>
      <CopyTokenButton token={token} />
      <p className="govuk-body">
        {/* A full page load, not next/link, so the page holding the token leaves the client router's cache. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- deliberate, see above */}
        <a className="govuk-link" href="/api-clients">
          Back to API clients
        </a>
      </p>
    </>
  )
}
