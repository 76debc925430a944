import type { Page } from '@playwright/test'
import { randomUUID } from 'node:crypto'
import { fixtureToken } from './support/fixtures'
import { expectErrorSummary, expectNoAccessibilityViolations, expectPage } from './support/pages'
import { signIn } from './support/sign-in'
import { expect, test } from './support/test'

/** Searches the list from its search box, as a person would. */
async function search(page: Page, text: string) {
  await page.getByLabel('Search API clients').fill(text)
  await page.getByRole('button', { name: 'Search', exact: true }).click()
}

// The heading over a search's results (the footer has a heading of the same level).
const resultsHeading = (page: Page) => page.getByRole('heading', { level: 2, name: /^(No|\d+) API clients? match/ })

const clientNames = (page: Page) => page.locator('tbody tr').getByRole('link').allTextContents()

for (const javaScriptEnabled of [true, false]) {
  test.describe(`Searching API clients${javaScriptEnabled ? '' : ' without JavaScript'}`, () => {
    test.use({ javaScriptEnabled })

    test('finds clients by name, and says when none match', async ({ page }) => {
      await signIn(page, 'general-access')
      await page.goto('/api-clients')
      await search(page, 'e2e FUZZ-')
      await expect(page).toHaveURL(/\/api-clients\?q=e2e\+FUZZ-$/)
      await expect(resultsHeading(page)).toHaveText('8 API clients match “e2e FUZZ-”')
      expect((await clientNames(page)).sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((index) => `E2E fuzz-${index}`).sort())
      await expectNoAccessibilityViolations(page)

      const nothing = `Nothing ${randomUUID().slice(0, 8)}`
      await search(page, nothing)
      await expect(resultsHeading(page)).toHaveText(`No API clients match “${nothing}”`)
      await expectNoAccessibilityViolations(page)
      await page.getByRole('link', { name: 'clear the search' }).click()
      await expect(page).toHaveURL(/\/api-clients$/)
      await expect(page.getByLabel('Search API clients')).toHaveValue('')
    })

    test('finds a client from its token, keeping no more of the token than its start', async ({ page }) => {
      await signIn(page, 'general-access')
      await page.goto('/api-clients')
      const token = fixtureToken('active-1')
      await search(page, token)
      const start = token.slice(0, 'rotp_test_'.length + 4)
      await expect(page).toHaveURL(`/api-clients?q=${start}&page=1`)
      await expect(page.getByLabel('Search API clients')).toHaveValue(start)
      expect(await clientNames(page)).toContain('E2E active-1')
      await expectNoAccessibilityViolations(page)
    })

    test('keeps the search from page to page', async ({ page }) => {
      await signIn(page, 'general-access')
      // Every client the run's fixtures made is named `E2E …`: more than one page of them.
      await page.goto('/api-clients?q=E2E')
      const heading = (await resultsHeading(page).textContent()) ?? ''
      expect(Number(/^(\d+) API clients match “E2E”$/.exec(heading)?.[1])).toBeGreaterThan(15)
      await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: /^Next/ }).click()
      await expect(page).toHaveURL(/\/api-clients\?q=E2E&page=2$/)
      await expect(resultsHeading(page)).toHaveText(heading)
      expect((await clientNames(page)).every((name) => name.startsWith('E2E'))).toBe(true)
      await expectNoAccessibilityViolations(page)
    })

    test('searches only an API-only user’s own clients, and refuses a search that is too long', async ({ page }) => {
      await signIn(page, 'api-only')
      await page.goto('/api-clients?q=E2E+active-1')
      await expect(resultsHeading(page)).toHaveText('No API clients match “E2E active-1”')
      await page.goto(`/api-clients?q=${'a'.repeat(301)}`)
      await expectPage(page, /API clients(?: \(\d+\))?/, { heading: /^API clients/, hasErrors: true })
      await expectErrorSummary(page, ['Search must be 300 characters or fewer'])
    })
  })
}
