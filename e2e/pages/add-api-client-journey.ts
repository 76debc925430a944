import { expect, type Page } from '@playwright/test'
import { expiryDateHint } from '@/lib/api-clients/expiry-date'
import { expectPage } from '../support/pages'
import { listTitle } from './manage-api-client-page'
import { signIn, type DemoRole } from '../support/sign-in'
import {
  expectCheckAnswers,
  expectClientDetailsPage,
  expiryInSixMonths,
  expiryRange,
  submitClientDetails,
  tokenPattern,
  uniqueClientName,
} from './add-api-client'

/**
 * Presses Save API client and returns the token shown, with the headers and body of the response to the save.
 * The response passes through Playwright on its way to the page, because Chromium does not keep the body of
 * the streamed answer to a server action that JavaScript made.
 */
export async function saveApiClient(page: Page): Promise<{ headers: Record<string, string>; body: string; token: string }> {
  let saved: { headers: Record<string, string>; body: string } | undefined
  await page.route('**/api-clients/new/check', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback()
    const response = await route.fetch({ maxRedirects: 0 })
    saved = { headers: response.headers(), body: await response.text() }
    await route.fulfill({ response })
  })
  await page.getByRole('button', { name: 'Save API client' }).click()
  await expectPage(page, 'API client token created')
  await page.unroute('**/api-clients/new/check')
  const token = (await page.locator('.govuk-panel .app-token').textContent()) ?? ''
  if (!saved) throw new Error('the save sent no request')
  return { ...saved, token }
}

/** Asserts the confirmation: the panel with the name and token, then the advice and the way back below it. */
export async function expectConfirmation(page: Page, name: string, token: string): Promise<void> {
  expect(token).toMatch(tokenPattern)
  const panel = page.locator('.govuk-panel')
  await expect(panel.locator('.govuk-panel__body')).toHaveText(`${name}${token}`)
  const font = await panel.locator('.app-token').evaluate((element) => getComputedStyle(element).fontFamily)
  expect(font).toContain('monospace')
  // Below the panel, never inside it.
  await expect(panel.getByRole('link')).toHaveCount(0)
  await expect(panel.getByRole('button')).toHaveCount(0)
  await expect(page.getByText('Copy this token now. For security, it cannot be viewed again.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Back to API clients' })).toHaveAttribute('href', '/api-clients')
}

/** Asserts that nothing on the page shows a token or the confirmation. */
export async function expectNoToken(page: Page): Promise<void> {
  expect(await page.content()).not.toContain('rotp_')
  await expect(page.getByText('API client token created')).toHaveCount(0)
}

/** Adds a client from the Client details page through to the confirmation; returns the token. */
export async function addApiClient(page: Page, name: string): Promise<string> {
  await page.goto('/api-clients/new')
  await submitClientDetails(page, name, expiryInSixMonths().typed)
  await expect(page).toHaveURL(/\/api-clients\/new\/check$/)
  const { token } = await saveApiClient(page)
  expect(token).toMatch(tokenPattern)
  return token
}

/**
 * Finds a client in the API clients list, paging on as a person would (other journeys add clients to the
 * same database at the same time), and asserts its status tag. Runs axe on every page of the list it sees.
 */
export async function expectListed(page: Page, name: string, status: string): Promise<void> {
  for (;;) {
    const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? ''
    expect(heading).toMatch(/^API clients \(\d+\)$/)
    await expectPage(page, listTitle(heading), { heading })
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) })
    if ((await row.count()) > 0) {
      await expect(row.getByRole('cell').nth(2)).toHaveText(status)
      return
    }
    const next = page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: /^Next/ })
    expect(await next.count(), `${name} is not in the list`).toBeGreaterThan(0)
    await next.click()
  }
}

/**
 * The whole journey as the given person, from the list to the confirmation, checking every page's words on
 * the way and that the one response carrying the token may not be stored.
 */
export async function addFromTheList(page: Page, role: DemoRole): Promise<{ name: string; token: string }> {
  const name = uniqueClientName('Journey client')
  const expiry = expiryInSixMonths()
  await signIn(page, role)
  await page.getByRole('button', { name: 'Add API client' }).click()
  await expect(page).toHaveURL(/\/api-clients\/new$/)
  await expectClientDetailsPage(page)
  await expect(page.locator('#expiry-date-hint')).toHaveText(expiryDateHint(expiryRange().today))
  await expect(page.getByRole('link', { name: 'Cancel' })).toBeVisible()
  await submitClientDetails(page, name, expiry.typed)
  await expectCheckAnswers(page, name, expiry.shown)
  const { headers, body, token } = await saveApiClient(page)
  expect(body).toContain(token)
  expect(headers['cache-control']).toContain('no-store')
  await expectConfirmation(page, name, token)
  return { name, token }
}
