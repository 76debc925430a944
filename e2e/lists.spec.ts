import { addApiClient, uniqueClientName } from './pages/manage-api-client-setup'
import { expectPage } from './support/pages'
import { signIn } from './support/sign-in'
import { expect, test } from './support/test'

test.describe('The API clients list', () => {
  test('pages 15 clients at a time with a results summary', async ({ page }) => {
    // The run's fixtures give Anne's colleagues more than 15 clients (scripts/e2e-fixtures.ts).
    await signIn(page, 'general-access')
    await page.goto('/api-clients')
    const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? ''
    const total = Number(/^API clients \((\d+)\)$/.exec(heading)?.[1])
    expect(total).toBeGreaterThanOrEqual(16)
    const pages = Math.ceil(total / 15)
    await expectPage(page, `${heading} (page 1 of ${pages})`, { heading })

    const names = await page.locator('tbody tr th a, tbody tr td:first-child a').allTextContents()
    expect(names).toHaveLength(15)
    await expect(page.getByText(`Showing 1 to 15 of ${total} results`)).toBeVisible()

    const pagination = page.getByRole('navigation', { name: 'Pagination' })
    await expect(pagination.getByRole('link', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page')
    await pagination.getByRole('link', { name: /^Next/ }).click()
    await expect(page).toHaveURL(/\/api-clients\?page=2$/)
    await expectPage(page, `${heading} (page 2 of ${pages})`, { heading })
    await expect(page.getByText(`Showing 16 to ${Math.min(30, total)} of ${total} results`)).toBeVisible()
    await expect(pagination.getByRole('link', { name: /^Previous/ })).toBeVisible()
  })

  test('general-access users see who created each client', async ({ page }) => {
    await signIn(page, 'general-access')
    await page.goto('/api-clients')
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'E2E active-1', exact: true }) })
    await expect(row.getByText('Anne Wilson')).toBeVisible()
    await expect(row.getByRole('cell').nth(2)).toHaveText('Active')
  })

  test('someone with no clients sees the empty state and can add one', async ({ page }) => {
    await signIn(page, 'api-only-2')
    await page.goto('/api-clients')
    await expectPage(page, 'API clients')
    await expect(page.getByText('There are no API clients.')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Add API client' })).toHaveAttribute('href', '/api-clients/new')
  })
})

test.describe('The Activity page', () => {
  test('shows today’s changes as summary cards, newest first, with who made them', async ({ page }) => {
    await signIn(page, 'general-access')
    const name = uniqueClientName('Activity')
    await addApiClient(page, name)
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Activity' }).click()
    await expectPage(page, /Activity( \(page 1 of \d+\))?/, { heading: 'Activity' })
    await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Today')
    const card = page.locator('.govuk-summary-card').filter({ hasText: name }).first()
    await expect(card.locator('.govuk-summary-card__title')).toHaveText('API client added')
    await expect(card.getByText(/^By Anne Wilson on \d{1,2} \w+ \d{4} at (\d{1,2}:\d{2}(am|pm)|midday|midnight)$/)).toBeVisible()
    await card.getByRole('link', { name }).click()
    await expect(page).toHaveURL(/\/api-clients\/[0-9a-f-]{36}$/)
  })

  test('API-only users see only their own clients’ activity', async ({ page }) => {
    await signIn(page, 'api-only')
    const name = uniqueClientName('Own activity')
    await addApiClient(page, name)
    await page.goto('/activity')
    await expectPage(page, /Activity( \(page 1 of \d+\))?/, { heading: 'Activity' })
    await expect(page.locator('.govuk-summary-card').filter({ hasText: name })).toHaveCount(1)
    // Anne's clients, made before the server started, are not Priya's to see.
    await expect(page.getByText('E2E active-1')).toHaveCount(0)
  })
})
