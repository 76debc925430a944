import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'
import { expectValidHtml } from './html-validate'
import { runsWithoutJavaScript } from './test'

const serviceSuffix = ' - Register of training providers - GOV.UK'

const wcag22aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * axe needs JavaScript in the page, so a page rendered without it is checked as a copy: the same HTML,
 * its scripts removed, served at the same address (so styles load) in a context where axe can run.
 */
async function analyseStaticCopy(page: Page) {
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
  const url = page.url()
  const browser = page.context().browser()
  if (!browser) throw new Error('no browser')
  const context = await browser.newContext({ baseURL: new URL(url).origin, javaScriptEnabled: true })
  try {
    const copy = await context.newPage()
    await copy.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }))
    await copy.goto(url)
    return await new AxeBuilder({ page: copy }).withTags(wcag22aa).analyze()
  } finally {
    await context.close()
  }
}

/**
 * Checks the page's markup with html-validate, then against WCAG 2.2 AA with axe; every journey calls this
 * on every page it visits.
 */
export async function expectNoAccessibilityViolations(page: Page): Promise<void> {
  await expectValidHtml(page)
  const results = runsWithoutJavaScript(page) ? await analyseStaticCopy(page) : await new AxeBuilder({ page }).withTags(wcag22aa).analyze()
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  )
  expect(summary, `axe found violations on ${page.url()}`).toEqual([])
}

/**
 * Asserts we are on the page with this title and main heading (the exact words in docs/product), then runs
 * html-validate and axe.
 * `heading` defaults to the title. A RegExp title must match the whole title before the service suffix.
 */
export async function expectPage(
  page: Page,
  title: string | RegExp,
  options: { heading?: string | RegExp; hasErrors?: boolean } = {},
): Promise<void> {
  const prefix = options.hasErrors ? 'Error: ' : ''
  if (typeof title === 'string') await expect(page).toHaveTitle(`${prefix}${title}${serviceSuffix}`)
  else await expect(page).toHaveTitle(new RegExp(`^${prefix}(?:${title.source})${serviceSuffix.replace(/[.]/g, '\\.')}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(options.heading ?? title)
  await expectNoAccessibilityViolations(page)
}

/** The error summary's links, in order. */
export async function expectErrorSummary(page: Page, messages: string[]): Promise<void> {
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) })
  await expect(summary).toBeVisible()
  await expect(summary.getByRole('link')).toHaveText(messages)
}
