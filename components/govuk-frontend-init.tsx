'use client'

import { useEffect } from 'react'

/**
 * Initialises govuk-frontend's JavaScript once, and again whenever new components appear (a client-side
 * navigation or a form re-rendered with errors), so error summaries take focus and banners announce.
 */
export function GovukFrontendInit() {
  useEffect(() => {
    let cancelled = false
    let scheduled = false
    const observer = new MutationObserver(() => {
      if (scheduled) return
      scheduled = true
      requestAnimationFrame(() => {
        scheduled = false
        void initialise()
      })
    })
    async function initialise() {
      const { initAll } = await import('govuk-frontend')
      // Components already initialised throw an InitError; that is expected here and harmless.
      if (!cancelled) initAll({ onError: () => {} })
    }
    void initialise()
    observer.observe(document.body, { childList: true, subtree: true })
    return () => {
      cancelled = true
      observer.disconnect()
    }
  }, [])
  return null
}
