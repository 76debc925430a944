'use client'

import { useState, useSyncExternalStore } from 'react'

const neverChanges = () => () => {}
const clipboardAvailable = () => typeof navigator !== 'undefined' && 'clipboard' in navigator
// Rendered on the server as unavailable, so without JavaScript the button stays hidden (app/styles.scss).
const unavailableOnServer = () => false

/**
 * The Copy token button (docs/product/api-clients.md): progressive enhancement, shown only when JavaScript
 * can use the Clipboard API. The result is announced in a live region, as the page itself does not change.
 */
export function CopyTokenButton({ token }: { token: string }) {
  const canCopy = useSyncExternalStore(neverChanges, clipboardAvailable, unavailableOnServer)
  const [status, setStatus] = useState('')

  async function copy() {
    try {
      await navigator.clipboard.writeText(token)
      setStatus('Token copied')
    } catch {
      // Permission refused, or the page lost focus: the token is still on the page to select by hand.
      setStatus('The token could not be copied. Select it and copy it instead.')
    }
  }

  return (
    <div className="govuk-button-group">
      <button
        type="button"
        className={`govuk-button govuk-button--secondary app-copy-token${canCopy ? ' app-copy-token--ready' : ''}`}
        data-module="govuk-button"
        onClick={() => void copy()}
      >
        Copy token
      </button>
      <span className="govuk-body govuk-!-margin-bottom-0" role="status">
        {status}
      </span>
    </div>
  )
}
