import { expect, type Locator, type Page } from '@playwright/test'
import { expectPage } from '../support/pages'

/** `21 May 2025 at 2:22pm`, `… at midday`, `… at midnight` (docs/product/README.md). */
export const dateTimePattern = String.raw`\d{1,2} [A-Z][a-z]+ \d{4} at (?:\d{1,2}:\d{2}[ap]m|midday|midnight)`

/** The key and value of each row of a summary list, in order. */
export async function summaryRows(list: Locator): Promise<string[][]> {
  const rows = list.locator('.govuk-summary-list__row')
  const pairs: string[][] = []
  for (const row of await rows.all()) {
    const key = (await row.locator('.govuk-summary-list__key').innerText()).trim()
    const value = (await row.locator('.govuk-summary-list__value').innerText()).trim()
    pairs.push([key, value])
  }
  return pairs
}

/** Checks we are on a client's page, with its caption, name, status tag and axe. */
export async function expectClientPage(page: Page, name: string, status: 'Active' | 'Expires soon' | 'Expired' | 'Revoked'): Promise<void> {
  await expectPage(page, `${name} - API client`, { heading: `${name} ${status}` })
  await expect(page.locator('.govuk-caption-l')).toHaveText('API client')
}

/** Checks we are on the API clients list, whose title and heading carry the count when there are any. */
export async function expectListPage(page: Page): Promise<void> {
  const heading = page.getByRole('heading', { level: 1 })
  await expect(heading).toHaveText(/^API clients(?: \(\d+\))?$/)
  const text = await heading.innerText()
  await expectPage(page, listTitle(text), { heading: text })
}

/** A list's title: its heading and, when it has more than one page, which page (`API clients (40) (page 2 of 3)`). */
export function listTitle(heading: string): RegExp {
  return new RegExp(`${heading.replace(/[()]/g, '\\$&')}(?: \\(page \\d+ of \\d+\\))?`)
}

/** The success banner, whose heading says what just happened. */
export async function expectSuccessBanner(page: Page, heading: string): Promise<void> {
  const banner = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Success', exact: true }) })
  await expect(banner.getByRole('heading', { level: 3 })).toHaveText(heading)
}

/** Checks there is no success banner on the page. */
export async function expectNoSuccessBanner(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Success', exact: true })).toHaveCount(0)
}

/** The History section of a client's page. */
export function historySection(page: Page): Locator {
  return page.getByRole('region', { name: 'History' })
}

/** The activity card with this title (the newest first when there are several). */
export function activityCard(page: Page, title: string): Locator {
  return historySection(page)
    .locator('.govuk-summary-card')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) })
    .first()
}

/** Visits a page that must not exist for this person: the GOV.UK 404 page. */
export async function expectNotFound(page: Page, path: string): Promise<void> {
  const response = await page.goto(path)
  expect(response?.status(), path).toBe(404)
  await expectPage(page, 'Page not found')
}

/** Checks every page of a client is not found: its details and each step that changes it. */
export async function expectAllPagesNotFound(page: Page, id: string): Promise<void> {
  for (const step of ['', '/edit', '/check', '/regenerate', '/regenerate/check', '/revoke', '/delete']) {
    await expectNotFound(page, `/api-clients/${id}${step}`)
  }
}

/** Checks the change steps of a client that cannot change (expired, revoked) show its page instead. */
export async function expectChangesLeadToClientPage(page: Page, id: string): Promise<void> {
  for (const step of ['edit', 'check', 'regenerate', 'regenerate/check', 'revoke']) {
    await page.goto(`/api-clients/${id}/${step}`)
    await expect(page).toHaveURL(new RegExp(`/api-clients/${id}$`))
  }
}

/** Checks a client's page offers no Change link, no Regenerate token and no Revoke button, but still Delete. */
export async function expectOnlyDeleteOffered(page: Page): Promise<void> {
  await expect(page.getByRole('link', { name: /^Change/ })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Regenerate token' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Revoke API client' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Delete API client' })).toBeVisible()
}

/** Checks the History section's cards, newest first, by title. */
export async function expectHistory(page: Page, titles: string[]): Promise<void> {
  await expect(historySection(page).getByRole('heading', { level: 3 })).toHaveText(titles)
}

/** Checks the revoke or delete confirmation page for a client, word for word (docs/product/api-clients.md). */
export async function expectConfirmPage(page: Page, verb: 'revoke' | 'delete', name: string, id: string): Promise<void> {
  const action = verb === 'revoke' ? 'Revoke API client' : 'Delete API client'
  const warning = verb === 'revoke' ? 'Revoking' : 'Deleting'
  await expectPage(page, `Confirm you want to ${verb} ${name} - ${action}`, { heading: `Confirm you want to ${verb} ${name}` })
  await expect(page.locator('.govuk-caption-l')).toHaveText(action)
  await expect(page.locator('.govuk-warning-text__text')).toHaveText(`Warning ${warning} an API client is permanent – you cannot undo it.`)
  await expect(page.getByRole('button', { name: action })).toHaveClass(/govuk-button--warning/)
  await expect(page.getByRole('link', { name: 'Cancel' })).toHaveAttribute('href', `/api-clients/${id}`)
}
