import { test as base, type Page } from '@playwright/test'

const pagesWithoutJavaScript = new WeakSet<Page>()

/** Whether this page was opened with JavaScript turned off (test.use({ javaScriptEnabled: false })). */
export function runsWithoutJavaScript(page: Page): boolean {
  return pagesWithoutJavaScript.has(page)
}

/** Playwright's test, remembering which pages run without JavaScript so axe can still check them. */
export const test = base.extend({
  page: async ({ page, javaScriptEnabled }, provide) => {
    if (!javaScriptEnabled) pagesWithoutJavaScript.add(page)
    await provide(page)
  },
})

export { expect } from '@playwright/test'
