import type { Page } from '@playwright/test'
import { addDays, formatDate } from '@/lib/dates'
import {
  clientDetailsFields,
  expectCheckAnswers,
  expectClientDetailsPage,
  expectDateError,
  expiryInSixMonths,
  expiryRange,
  submitClientDetails,
  typed,
  uniqueClientName,
  type DatePart,
  type TypedDate,
} from './pages/add-api-client'
import { addApiClient, addFromTheList, expectListed, expectNoToken } from './pages/add-api-client-journey'
import { expectErrorSummary, expectPage } from './support/pages'
import { signIn } from './support/sign-in'
import { expect, test } from './support/test'

test.describe('Adding an API client', () => {
  test('a general-access user adds a client, sees its token once, and finds it in the list', async ({ page }) => {
    const { name } = await addFromTheList(page, 'general-access')
    await expect(page.getByRole('button', { name: 'Copy token' })).toBeVisible()
    await page.getByRole('link', { name: 'Back to API clients' }).click()
    await expect(page).toHaveURL(/\/api-clients$/)
    await expectListed(page, name, 'Active')
  })

  test('an API-only user adds a client and then sees it in their list', async ({ page }) => {
    const { name } = await addFromTheList(page, 'api-only')
    await page.getByRole('link', { name: 'Back to API clients' }).click()
    await expectListed(page, name, 'Active')
  })

  test('an empty form asks for both answers and the summary links move focus to the fields', async ({ page }) => {
    await signIn(page, 'general-access')
    await page.goto('/api-clients/new')
    await page.getByRole('button', { name: 'Continue' }).click()
    await expectClientDetailsPage(page, { hasErrors: true })
    await expectErrorSummary(page, ['Enter client name', 'Enter expiry date'])
    await expect(page.locator('#client-name-error')).toHaveText('Error: Enter client name')
    await expectDateError(page, 'Enter expiry date', ['day', 'month', 'year'])
    const fields = clientDetailsFields(page)
    await page.getByRole('link', { name: 'Enter expiry date' }).click()
    await expect(fields.day).toBeFocused()
    await page.getByRole('link', { name: 'Enter client name' }).click()
    await expect(fields.name).toBeFocused()
  })

  test('a name longer than 200 characters is refused and both answers come back as typed', async ({ page }) => {
    const name = uniqueClientName('Long').padEnd(201, 'x')
    const expiry = expiryInSixMonths()
    await signIn(page, 'general-access')
    await page.goto('/api-clients/new')
    await submitClientDetails(page, name, expiry.typed)
    await expectClientDetailsPage(page, { hasErrors: true })
    await expectErrorSummary(page, ['Client name must be 200 characters or less'])
    await expect(page.locator('#client-name-error')).toHaveText('Error: Client name must be 200 characters or less')
    const fields = clientDetailsFields(page)
    await expect(fields.name).toHaveValue(name)
    await expect(fields.day).toHaveValue(expiry.typed.day)
    await expect(fields.month).toHaveValue(expiry.typed.month)
    await expect(fields.year).toHaveValue(expiry.typed.year)
    await expect(page.locator('#expiry-date-error')).toHaveCount(0)

    await fields.name.fill(name.slice(0, 200))
    await page.getByRole('button', { name: 'Continue' }).click()
    await expectCheckAnswers(page, name.slice(0, 200), expiry.shown)
  })

  test('a name the person already uses, in any case, is refused', async ({ page }) => {
    const name = uniqueClientName('Duplicate')
    await signIn(page, 'general-access')
    await addApiClient(page, name)
    await page.goto('/api-clients/new')
    await submitClientDetails(page, name.toUpperCase(), expiryInSixMonths().typed)
    await expectClientDetailsPage(page, { hasErrors: true })
    await expectErrorSummary(page, ['Client name must be unique'])
    await expect(page.locator('#client-name-error')).toHaveText('Error: Client name must be unique')
    await expect(clientDetailsFields(page).name).toHaveValue(name.toUpperCase())
  })

  test('each expiry date problem has its own message and marks only the parts at fault', async ({ page }) => {
    const { today, earliest, latest } = expiryRange()
    const valid = expiryInSixMonths().typed
    const between = `Expiry date must be between ${formatDate(earliest)} and ${formatDate(latest)}`
    const cases: { date: TypedDate; message: string; marked: DatePart[] }[] = [
      { date: { ...valid, day: '' }, message: 'Expiry date must include a day', marked: ['day'] },
      { date: { ...valid, month: '', year: '' }, message: 'Expiry date must include a month and year', marked: ['month', 'year'] },
      { date: { ...valid, year: '27' }, message: 'Year must include 4 numbers', marked: ['year'] },
      { date: { day: '31', month: '2', year: '2027' }, message: 'Expiry date must be a real date', marked: ['day'] },
      { date: typed(today), message: between, marked: ['day', 'month', 'year'] },
      { date: typed(addDays(latest, 1)), message: between, marked: ['day', 'month', 'year'] },
    ]
    await signIn(page, 'general-access')
    await page.goto('/api-clients/new')
    const fields = clientDetailsFields(page)
    for (const { date, message, marked } of cases) {
      await submitClientDetails(page, uniqueClientName('Dates'), date)
      await expectClientDetailsPage(page, { hasErrors: true })
      await expectErrorSummary(page, [message])
      await expectDateError(page, message, marked)
      await expect(fields.day).toHaveValue(date.day)
      await expect(fields.month).toHaveValue(date.month)
      await expect(fields.year).toHaveValue(date.year)
      await page.getByRole('link', { name: message }).click()
      await expect(fields[marked[0] ?? 'day']).toBeFocused()
    }
  })

  test('month names are accepted and spaces around the answers are ignored', async ({ page }) => {
    const name = uniqueClientName('Month names')
    const { today } = expiryRange()
    // The next 15 March that is within the allowed range.
    const year = Number(today.slice(0, 4)) + (today < `${today.slice(0, 4)}-03-15` ? 0 : 1)
    await signIn(page, 'general-access')
    await page.goto('/api-clients/new')
    await submitClientDetails(page, `  ${name}  `, { day: ' 15 ', month: ' mar ', year: ` ${year} ` })
    await expectCheckAnswers(page, name, `15 March ${year}`)

    await page.getByRole('link', { name: 'Change expiry date' }).click()
    await expectClientDetailsPage(page)
    await clientDetailsFields(page).month.fill('March')
    await page.getByRole('button', { name: 'Continue' }).click()
    await expectCheckAnswers(page, name, `15 March ${year}`)
  })

  test('Change from check answers brings the answers back and keeps the one not changed', async ({ page }) => {
    const name = uniqueClientName('Before')
    const renamed = uniqueClientName('After')
    const expiry = expiryInSixMonths()
    await signIn(page, 'general-access')
    await page.goto('/api-clients/new')
    await submitClientDetails(page, name, expiry.typed)
    await expectCheckAnswers(page, name, expiry.shown)

    await page.getByRole('link', { name: 'Change client name' }).click()
    await expect(page).toHaveURL(/\/api-clients\/new#client-name$/)
    await expectClientDetailsPage(page)
    const fields = clientDetailsFields(page)
    await expect(fields.name).toHaveValue(name)
    await expect(fields.day).toHaveValue(expiry.typed.day)
    await fields.name.fill(renamed)
    await page.getByRole('button', { name: 'Continue' }).click()
    await expectCheckAnswers(page, renamed, expiry.shown)
  })

  test('Cancel forgets the answers', async ({ page }) => {
    await signIn(page, 'general-access')
    await page.goto('/api-clients/new')
    await submitClientDetails(page, uniqueClientName('Cancelled'), expiryInSixMonths().typed)
    await page.getByRole('link', { name: 'Change client name' }).click()
    await page.getByRole('link', { name: 'Cancel' }).click()
    await expect(page).toHaveURL(/\/api-clients$/)
    await page.getByRole('button', { name: 'Add API client' }).click()
    await expectClientDetailsPage(page)
    await expect(clientDetailsFields(page).name).toHaveValue('')
    await page.goto('/api-clients/new/check')
    await expect(page).toHaveURL(/\/api-clients\/new$/)
  })

  test('a name taken while the answers were being checked sends the person back to the form', async ({ page, browser }) => {
    const name = uniqueClientName('Raced')
    await signIn(page, 'general-access')
    await page.goto('/api-clients/new')
    await submitClientDetails(page, name, expiryInSixMonths().typed)
    await expect(page).toHaveURL(/\/api-clients\/new\/check$/)

    // The same person saves the same name in another browser meanwhile.
    const other = await browser.newContext()
    try {
      const otherPage = await other.newPage()
      await signIn(otherPage, 'general-access')
      await addApiClient(otherPage, name)
    } finally {
      await other.close()
    }

    await page.getByRole('button', { name: 'Save API client' }).click()
    await expect(page).toHaveURL(/\/api-clients\/new$/)
    await expectClientDetailsPage(page, { hasErrors: true })
    await expectErrorSummary(page, ['Client name must be unique'])
    await expect(clientDetailsFields(page).name).toHaveValue(name)
    await expectNoToken(page)
  })

  test('Copy token puts the token on the clipboard and says so', async ({ page }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await signIn(page, 'general-access')
    const token = await addApiClient(page, uniqueClientName('Copied'))
    await page.getByRole('button', { name: 'Copy token' }).click()
    await expect(page.getByRole('status')).toHaveText('Token copied')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token)
  })

  test('reloading the confirmation shows no token, only the client’s page', async ({ page }) => {
    await signIn(page, 'general-access')
    const name = uniqueClientName('Reloaded')
    await addApiClient(page, name)
    await page.reload()
    await expectClientPage(page, name)
    await expectNoToken(page)
  })

  test('going to the check answers address again shows no token, only the client’s page', async ({ page }) => {
    await signIn(page, 'general-access')
    const name = uniqueClientName('Revisited')
    await addApiClient(page, name)
    await page.goto('/api-clients/new/check')
    await expectClientPage(page, name)
    await expectNoToken(page)
  })

  test('the back button does not bring the token back', async ({ page }) => {
    await signIn(page, 'general-access')
    const name = uniqueClientName('Back button')
    await addApiClient(page, name)
    await page.getByRole('link', { name: 'Back to API clients' }).click()
    await expect(page).toHaveURL(/\/api-clients$/)
    await page.goBack()
    await expectClientPage(page, name)
    await expectNoToken(page)
  })
})

test.describe('Adding an API client without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the whole journey works and the Copy token button stays hidden', async ({ page }) => {
    const { name } = await addFromTheList(page, 'general-access')
    await expect(page.getByRole('button', { name: 'Copy token' })).toBeHidden()
    await page.getByRole('link', { name: 'Back to API clients' }).click()
    await expectListed(page, name, 'Active')
  })

  test('errors are shown with the answers as typed', async ({ page }) => {
    await signIn(page, 'general-access')
    await page.goto('/api-clients/new')
    await page.getByRole('button', { name: 'Continue' }).click()
    await expectClientDetailsPage(page, { hasErrors: true })
    await expectErrorSummary(page, ['Enter client name', 'Enter expiry date'])

    const name = uniqueClientName('No JavaScript')
    await submitClientDetails(page, name, { day: '31', month: '2', year: '2027' })
    await expectClientDetailsPage(page, { hasErrors: true })
    await expectErrorSummary(page, ['Expiry date must be a real date'])
    await expectDateError(page, 'Expiry date must be a real date', ['day'])
    await expect(clientDetailsFields(page).name).toHaveValue(name)
  })

  test('reloading the confirmation saves nothing again, and the back button shows no token', async ({ page }) => {
    await signIn(page, 'general-access')
    const name = uniqueClientName('No JavaScript reload')
    await addApiClient(page, name)
    // The confirmation is the answer to a POST: reloading sends the form again, which saves nothing and
    // goes to the client's page.
    await page.reload()
    await expectClientPage(page, name)
    await expectNoToken(page)

    await addApiClient(page, uniqueClientName('No JavaScript back'))
    await page.getByRole('link', { name: 'Back to API clients' }).click()
    await expect(page).toHaveURL(/\/api-clients$/)
    // Chromium will not show a no-store answer to a POST again: it shows its own error page instead.
    await page.goBack().catch((error: unknown) => expect(String(error)).toContain('ERR_CACHE_MISS'))
    await expectNoToken(page)
  })
})

/** Asserts we are on the page of the client just added (after saving, a revisit goes there rather than to the token). */
async function expectClientPage(page: Page, name: string): Promise<void> {
  await expect(page).toHaveURL(/\/api-clients\/[0-9a-f-]{36}$/)
  await expectPage(page, `${name} - API client`, { heading: new RegExp(`^${name}`) })
}
