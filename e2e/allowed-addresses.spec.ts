import type { Page } from '@playwright/test'
import { expect, test } from './support/test'
import { expectErrorSummary, expectPage } from './support/pages'
import { signIn } from './support/sign-in'
import { expectCheckAnswers, expectClientDetailsPage, submitClientDetails } from './pages/add-api-client'
import { saveApiClient } from './pages/add-api-client-journey'
import { activityCard, expectClientPage, expectHistory, expectSuccessBanner, summaryRows } from './pages/manage-api-client-page'
import { addApiClient, expiryInSixMonths, openFromList, uniqueClientName } from './pages/manage-api-client-setup'

// Journeys add their own clients and run axe on every page they visit, so they need longer than a minute.
test.describe.configure({ timeout: 180_000 })

const hint = 'Enter one IP address or range on each line, like 192.0.2.10 or 198.51.100.0/24. Leave this empty to allow any address.'
const allowedRow = async (page: Page) =>
  (await summaryRows(page.locator('.govuk-summary-list').first())).find(([key]) => key === 'Allowed IP addresses')?.[1]

/** From a client's page, through Change allowed IP addresses, to the page itself. */
async function openChangePage(page: Page, id: string, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Change allowed IP addresses' }).click()
  await expect(page).toHaveURL(new RegExp(`/api-clients/${id}/allowed-addresses$`))
  await expectPage(page, 'Allowed IP addresses - Change API client', { heading: 'Allowed IP addresses' })
  await expect(page.locator('.govuk-caption-l')).toHaveText(name)
  await expect(page.locator('#allowed-addresses-hint')).toHaveText(hint)
}

/** Types a list, presses Save changes, and checks the errors shown and that the list as typed came back. */
async function saveWithError(page: Page, typed: string, message: string): Promise<void> {
  await page.getByLabel('Allowed IP addresses').fill(typed)
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expectPage(page, 'Allowed IP addresses - Change API client', { heading: 'Allowed IP addresses', hasErrors: true })
  await expectErrorSummary(page, [message])
  await expect(page.locator('#allowed-addresses-error')).toHaveText(`Error: ${message}`)
  await expect(page.getByLabel('Allowed IP addresses')).toHaveValue(typed)
}

/** Changes the list with errors first, then saves it; checks the details page and the History card. */
async function changeWithErrors(page: Page, id: string, name: string): Promise<void> {
  await openChangePage(page, id, name)
  await expect(page.getByLabel('Allowed IP addresses')).toHaveValue('')
  await saveWithError(page, '192.0.2.10\n\nexample.com', 'Line 3 must be an IP address, like 192.0.2.10, or a range, like 198.51.100.0/24')
  await saveWithError(page, '192.0.2.10/24', 'Line 1 must start at the first address of its range, like 192.0.2.0/24')
  await saveWithError(page, Array.from({ length: 51 }, (_, index) => `198.51.100.${index}`).join('\n'), 'Enter 50 IP addresses or ranges or fewer')

  await page.getByLabel('Allowed IP addresses').fill(' 192.0.2.10 \n2001:DB8::/32\n192.0.2.10\n')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page).toHaveURL(new RegExp(`/api-clients/${id}$`))
  await expectClientPage(page, name, 'Active')
  await expectSuccessBanner(page, 'API client updated')
  expect(await allowedRow(page)).toBe('192.0.2.10\n2001:db8::/32')
  await expectHistory(page, ['API client updated', 'API client added'])
  expect((await summaryRows(activityCard(page, 'API client updated'))).filter(([key]) => key?.includes('allowed IP addresses'))).toEqual([
    ['Old allowed IP addresses', 'Any address'],
    ['New allowed IP addresses', '192.0.2.10\n2001:db8::/32'],
  ])

  // The page offers the list as saved; saving it again unchanged records nothing.
  await openChangePage(page, id, name)
  await expect(page.getByLabel('Allowed IP addresses')).toHaveValue('192.0.2.10\n2001:db8::/32')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expectClientPage(page, name, 'Active')
  await expect(page.getByRole('heading', { name: 'Success', exact: true })).toHaveCount(0)
  await expectHistory(page, ['API client updated', 'API client added'])
}

test.describe('Allowed IP addresses', () => {
  test('are asked for when adding a client, shown on Check your answers and on the client’s page', async ({ page }) => {
    await signIn(page, 'api-only')
    const name = uniqueClientName('Allowlisted')
    const expiry = expiryInSixMonths()
    await page.goto('/api-clients/new')
    await expectClientDetailsPage(page)
    await expect(page.locator('#allowed-addresses-hint')).toHaveText(hint)
    const field = page.getByLabel('Allowed IP addresses (optional)')
    await field.fill('2001:db8::1/64')
    await submitClientDetails(page, name, { day: expiry.day, month: expiry.month, year: expiry.year })
    await expectClientDetailsPage(page, { hasErrors: true })
    await expectErrorSummary(page, ['Line 1 must start at the first address of its range, like 2001:db8::/64'])
    await expect(field).toHaveValue('2001:db8::1/64')

    await field.fill('198.51.100.0/24\n192.0.2.10')
    await page.getByRole('button', { name: 'Continue' }).click()
    await expectCheckAnswers(page, name, expiry.shown, '198.51.100.0/24192.0.2.10')
    // Change goes back to the question with the answer kept.
    await page.getByRole('link', { name: 'Change allowed IP addresses' }).click()
    await expect(field).toHaveValue('198.51.100.0/24\n192.0.2.10')
    await page.getByRole('button', { name: 'Continue' }).click()
    await saveApiClient(page)

    await page.getByRole('link', { name: 'Back to API clients' }).click()
    await openFromList(page, name)
    await expectClientPage(page, name, 'Active')
    expect(await allowedRow(page)).toBe('198.51.100.0/24\n192.0.2.10')
    expect((await summaryRows(activityCard(page, 'API client added'))).at(-1)).toEqual(['Allowed IP addresses', '198.51.100.0/24\n192.0.2.10'])
  })

  test('are changed from the client’s page, with clear errors, and recorded in its history', async ({ page }) => {
    await signIn(page, 'general-access')
    const name = uniqueClientName('Allowlist change')
    const { id } = await addApiClient(page, name)
    expect(await allowedRow(page)).toBe('Any address')
    await changeWithErrors(page, id, name)
  })
})

test.describe('Allowed IP addresses without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('are changed, with the same errors, and recorded', async ({ page }) => {
    await signIn(page, 'api-only')
    const name = uniqueClientName('Allowlist without JavaScript')
    const { id } = await addApiClient(page, name)
    await changeWithErrors(page, id, name)
  })
})
