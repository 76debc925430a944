import { test as base, type Page, type Response } from '@playwright/test'

const pagesWithoutJavaScript = new WeakSet<Page>()

/** The last HTML document each page received from the server, as sent (its body read as it arrived). */
const sentDocuments = new WeakMap<Page, { url: string; body: Promise<string | null> }>()

/** Whether this page was opened with JavaScript turned off (test.use({ javaScriptEnabled: false })). */
export function runsWithoutJavaScript(page: Page): boolean {
  return pagesWithoutJavaScript.has(page)
}

/**
 * The HTML the server sent for the document now showing, if the page's last navigation brought one to
 * this address; else null (a client-side navigation, or a body the browser no longer holds).
 */
export async function sentDocument(page: Page): Promise<string | null> {
  const sent = sentDocuments.get(page)
  if (!sent || withoutFragment(sent.url) !== withoutFragment(page.url())) return null
  return await sent.body
}

const withoutFragment = (url: string) => url.replace(/#.*$/, '')

function rememberDocument(page: Page, response: Response): void {
  const request = response.request()
  if (!request.isNavigationRequest() || response.frame() !== page.mainFrame()) return
  const status = response.status()
  if (status >= 300 && status < 400) return
  if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) return
  // Read now: the browser may drop the body of an earlier document once the next one arrives.
  sentDocuments.set(page, { url: response.url(), body: response.text().catch(() => null) })
}

/**
 * Playwright's test, remembering which pages run without JavaScript so axe can still check them, and the
 * HTML each page was sent, which html-validate checks when no script has changed it.
 */
export const test = base.extend({
  page: async ({ page, javaScriptEnabled }, provide) => {
    if (!javaScriptEnabled) pagesWithoutJavaScript.add(page)
    page.on('response', (response) => rememberDocument(page, response))
    await provide(page)
  },
})

export { expect } from '@playwright/test'
