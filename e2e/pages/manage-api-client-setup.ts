import { randomUUID } from 'node:crypto'
import { expect, type Page } from '@playwright/test'
import { expectNoAccessibilityViolations } from '../support/pages'

/** A client name no other test (or earlier run on the same database) uses. */
export function uniqueClientName(label: string): string {
  return `${label} ${randomUUID().slice(0, 8)}`
}

/**
 * An expiry date six months ahead, as the Add form takes it and as pages show it. Six months keeps clear
 * of both ends of the allowed range, whatever the time of day in the UK.
 */
export function expiryInSixMonths(): { day: string; month: string; year: string; shown: string } {
  const date = new Date()
  date.setUTCDate(1)
  date.setUTCMonth(date.getUTCMonth() + 6)
  date.setUTCDate(15)
  const shown = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(date)
  return { day: String(date.getUTCDate()), month: String(date.getUTCMonth() + 1), year: String(date.getUTCFullYear()), shown }
}

/**
 * Adds an API client through the Add API client pages, as the signed-in person, and opens its page from
 * the list; returns its id and the expiry date as shown. The Add pages' own words are checked by their
 * journeys; here axe runs on each.
 */
export async function addApiClient(page: Page, name: string): Promise<{ id: string; expiry: string }> {
  const expiry = expiryInSixMonths()
  await page.goto('/api-clients/new')
  await expectNoAccessibilityViolations(page)
  await page.getByLabel('Client name').fill(name)
  const date = page.getByRole('group', { name: /Expiry date/ })
  await date.getByLabel('Day').fill(expiry.day)
  await date.getByLabel('Month').fill(expiry.month)
  await date.getByLabel('Year').fill(expiry.year)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('button', { name: 'Save API client' })).toBeVisible()
  await expectNoAccessibilityViolations(page)
  await page.getByRole('button', { name: 'Save API client' }).click()
  await expect(page.getByRole('heading', { name: 'API client token created' })).toBeVisible()
  await expectNoAccessibilityViolations(page)
  await page.getByRole('link', { name: 'Back to API clients' }).click()
  await openFromList(page, name)
  const id = new URL(page.url()).pathname.split('/').pop() ?? ''
  return { id, expiry: expiry.shown }
}

/**
 * Finds a client in the API clients list and opens its page, paging on as a person would: other journeys
 * add clients to the same database at the same time, so it may not be on the first page.
 */
export async function openFromList(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^API clients/)
  for (let pageNumber = 2; ; pageNumber += 1) {
    await expectNoAccessibilityViolations(page)
    const link = page.getByRole('link', { name, exact: true })
    if ((await link.count()) > 0) {
      await link.click()
      await expect(page).toHaveURL(/\/api-clients\/[0-9a-f-]{36}$/)
      return
    }
    const next = page.getByRole('link', { name: 'Next page' })
    if ((await next.count()) === 0) throw new Error(`${name} is not in the API clients list`)
    await next.click()
    await expect(page).toHaveURL(new RegExp(`[?&]page=${pageNumber}$`))
  }
}
