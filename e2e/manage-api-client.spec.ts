import { expect, test } from './support/test'
import { expectErrorSummary, expectPage } from './support/pages'
import { signIn } from './support/sign-in'
import {
  activityCard,
  dateTimePattern,
  expectAllPagesNotFound,
  expectChangesLeadToClientPage,
  expectClientPage,
  expectConfirmPage,
  expectHistory,
  expectListPage,
  expectNoSuccessBanner,
  expectNotFound,
  expectOnlyDeleteOffered,
  expectSuccessBanner,
  summaryRows,
} from './pages/manage-api-client-page'
import { addApiClient, openFromList, uniqueClientName } from './pages/manage-api-client-setup'

const byAnne = new RegExp(`^By Anne Wilson on ${dateTimePattern}$`)

// Each journey adds its own clients through the Add pages and runs axe on every page it visits (as a
// static copy when JavaScript is off), so they take longer than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 })

test.describe('Managing an API client', () => {
  test('an active client’s page shows its details, what can be done and its history', async ({ page }) => {
    await signIn(page, 'general-access')
    const name = uniqueClientName('Details')
    const { id, expiry } = await addApiClient(page, name)

    await expectClientPage(page, name, 'Active')
    await expect(page.getByText(/^Created by /)).toHaveText(new RegExp(`^Created by Anne Wilson on ${dateTimePattern}$`))
    expect(await summaryRows(page.locator('.govuk-summary-list').first())).toEqual([
      ['Client name', name],
      ['Expiry date', expiry],
      ['Allowed IP addresses', 'Any address'],
      ['Last used', 'Never'],
    ])
    await expect(page.getByRole('link', { name: 'Change client name' })).toHaveAttribute('href', `/api-clients/${id}/edit`)
    await expect(page.getByRole('button', { name: 'Revoke API client' })).toHaveAttribute('href', `/api-clients/${id}/revoke`)
    await expect(page.getByRole('link', { name: 'Delete API client' })).toHaveAttribute('href', `/api-clients/${id}/delete`)
    await expectNoSuccessBanner(page)

    await expectHistory(page, ['API client added'])
    const added = activityCard(page, 'API client added')
    expect(await summaryRows(added)).toEqual([
      ['Client name', name],
      ['Expiry date', expiry],
    ])
    await expect(added.getByText(/^By /)).toHaveText(byAnne)
  })

  test('the name is changed in two steps, checked like a new name, and recorded once', async ({ page }) => {
    await signIn(page, 'general-access')
    const name = uniqueClientName('Rename')
    const otherName = uniqueClientName('Other')
    const newName = uniqueClientName('Renamed')
    await addApiClient(page, otherName)
    const { id, expiry } = await addApiClient(page, name)

    await page.getByRole('link', { name: 'Change client name' }).click()
    await expectPage(page, 'Client details - Change API client', { heading: 'Client details' })
    await expect(page.locator('.govuk-caption-l')).toHaveText('Change API client')
    await expect(page.getByLabel('Client name')).toHaveValue(name)
    await expect(page.getByText(expiry, { exact: true })).toBeVisible()
    await expect(page.getByRole('textbox')).toHaveCount(1)

    const cases = [
      { typed: '   ', message: 'Enter client name' },
      { typed: 'x'.repeat(201), message: 'Client name must be 200 characters or less' },
      // Ignoring case, as the list sorts and the database index compares.
      { typed: otherName.toUpperCase(), message: 'Client name must be unique' },
    ]
    for (const { typed, message } of cases) {
      await page.getByLabel('Client name').fill(typed)
      await page.getByRole('button', { name: 'Continue' }).click()
      await expectPage(page, 'Client details - Change API client', { heading: 'Client details', hasErrors: true })
      await expectErrorSummary(page, [message])
      await expect(page.locator('#name-error')).toHaveText(`Error: ${message}`)
      await expect(page.getByLabel('Client name')).toHaveValue(typed)
    }

    await page.getByLabel('Client name').fill(`  ${newName}  `)
    await page.getByRole('button', { name: 'Continue' }).click()
    await expectPage(page, 'Check your answers - Change API client', { heading: 'Check your answers' })
    expect(await summaryRows(page.locator('.govuk-summary-list'))).toEqual([
      ['Client name', newName],
      ['Expiry date', expiry],
    ])
    // Change keeps the answer given, and Continue comes back here.
    await page.getByRole('link', { name: 'Change client name' }).click()
    await expect(page.getByLabel('Client name')).toHaveValue(newName)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'Save changes' }).click()

    await expect(page).toHaveURL(new RegExp(`/api-clients/${id}$`))
    await expectClientPage(page, newName, 'Active')
    await expectSuccessBanner(page, 'API client updated')
    await expectHistory(page, ['API client updated', 'API client added'])
    const updated = activityCard(page, 'API client updated')
    expect(await summaryRows(updated)).toEqual([
      ['Old client name', name],
      ['New client name', newName],
      ['Expiry date', expiry],
    ])
    await expect(updated.getByText(/^By /)).toHaveText(byAnne)

    await page.reload()
    await expectClientPage(page, newName, 'Active')
    await expectNoSuccessBanner(page)

    // Saving the same name changes nothing, so nothing is recorded and no success is claimed.
    await page.getByRole('link', { name: 'Change client name' }).click()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expectClientPage(page, newName, 'Active')
    await expectNoSuccessBanner(page)
    await expectHistory(page, ['API client updated', 'API client added'])
  })

  test('a revoked client stays, tagged Revoked, and can no longer be changed', async ({ page, context }) => {
    await signIn(page, 'general-access')
    const name = uniqueClientName('Revoke')
    const { id } = await addApiClient(page, name)
    // A second tab keeps the change-name form open from before the client is revoked.
    const staleTab = await context.newPage()
    await staleTab.goto(`/api-clients/${id}/edit`)

    await page.getByRole('button', { name: 'Revoke API client' }).click()
    await expectConfirmPage(page, 'revoke', name, id)
    await page.getByRole('button', { name: 'Revoke API client' }).click()

    await expect(page).toHaveURL(new RegExp(`/api-clients/${id}$`))
    await expectClientPage(page, name, 'Revoked')
    await expectSuccessBanner(page, 'API client revoked')
    await expectOnlyDeleteOffered(page)
    await expect(page.getByText(/^Revoked by /)).toHaveText(new RegExp(`^Revoked by Anne Wilson on ${dateTimePattern}$`))
    await expectHistory(page, ['API client revoked', 'API client added'])
    await expect(activityCard(page, 'API client revoked').getByText(/^By /)).toHaveText(byAnne)
    await expectChangesLeadToClientPage(page, id)
    await expectClientPage(page, name, 'Revoked')

    // Posting the form opened before the revoke changes nothing either.
    await staleTab.getByLabel('Client name').fill(uniqueClientName('Too late'))
    await staleTab.getByRole('button', { name: 'Continue' }).click()
    await expect(staleTab).toHaveURL(new RegExp(`/api-clients/${id}$`))
    await expectClientPage(staleTab, name, 'Revoked')
  })

  test('an expired client cannot be changed or revoked, only deleted', async ({ page }) => {
    await signIn(page, 'general-access')
    // scripts/e2e-fixtures.ts adds it: the Add form only takes future expiry dates.
    await page.goto('/api-clients')
    await openFromList(page, 'E2E expired')
    await expectClientPage(page, 'E2E expired', 'Expired')
    await expectOnlyDeleteOffered(page)
    await expectChangesLeadToClientPage(page, new URL(page.url()).pathname.replace('/api-clients/', ''))
    await expectClientPage(page, 'E2E expired', 'Expired')
  })

  test('a deleted client leaves the list and its pages are not found', async ({ page, context }) => {
    // Priya, not Tom: lists.spec.ts shows Tom's list empty, and a client of his here would race with it.
    await signIn(page, 'api-only')
    const name = uniqueClientName('Delete')
    const { id } = await addApiClient(page, name)
    // A second tab keeps the revoke confirmation open from before the client is deleted.
    const staleTab = await context.newPage()
    await staleTab.goto(`/api-clients/${id}/revoke`)

    await page.getByRole('link', { name: 'Delete API client' }).click()
    await expectConfirmPage(page, 'delete', name, id)
    await page.getByRole('button', { name: 'Delete API client' }).click()

    await expect(page).toHaveURL(/\/api-clients$/)
    await expectListPage(page)
    await expectSuccessBanner(page, 'API client deleted')
    await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0)

    await expectAllPagesNotFound(page, id)
    await staleTab.getByRole('button', { name: 'Revoke API client' }).click()
    await expectPage(staleTab, 'Page not found')
  })

  test('unknown and malformed addresses are not found', async ({ page }) => {
    await signIn(page, 'general-access')
    await expectAllPagesNotFound(page, '00000000-0000-4000-8000-000000000000')
    await expectAllPagesNotFound(page, 'not-an-id')
  })

  test('API-only users see only their own clients; general-access users see everyone’s', async ({ browser, baseURL }) => {
    // Each person in a browser context of their own, as three people on three computers.
    const pageFor = async (role: 'api-only' | 'api-only-2' | 'general-access') => {
      const person = await (await browser.newContext({ baseURL })).newPage()
      await signIn(person, role)
      return person
    }
    const priya = await pageFor('api-only')
    const name = uniqueClientName('Priya')
    const { id } = await addApiClient(priya, name)
    await expectClientPage(priya, name, 'Active')
    await expect(priya.getByText(/^Created by /)).toHaveText(new RegExp(`^Created by Priya Shah on ${dateTimePattern}$`))

    const tom = await pageFor('api-only-2')
    await expectAllPagesNotFound(tom, id)
    await tom.goto('/api-clients')
    await expectListPage(tom)
    await expect(tom.getByRole('link', { name, exact: true })).toHaveCount(0)

    const anne = await pageFor('general-access')
    await anne.goto(`/api-clients/${id}`)
    await expectClientPage(anne, name, 'Active')
    await expect(anne.getByText(/^Created by /)).toHaveText(new RegExp(`^Created by Priya Shah on ${dateTimePattern}$`))
    await Promise.all([priya, tom, anne].map((person) => person.context().close()))
  })
})

test.describe('Managing an API client without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a client is added, renamed, revoked and deleted', async ({ page }) => {
    await signIn(page, 'api-only')
    const { id } = await addApiClient(page, uniqueClientName('No JavaScript'))
    const name = uniqueClientName('Renamed without JavaScript')

    await page.getByRole('link', { name: 'Change client name' }).click()
    await page.getByLabel('Client name').fill('')
    await page.getByRole('button', { name: 'Continue' }).click()
    await expectPage(page, 'Client details - Change API client', { heading: 'Client details', hasErrors: true })
    await expectErrorSummary(page, ['Enter client name'])
    await page.getByLabel('Client name').fill(name)
    await page.getByRole('button', { name: 'Continue' }).click()
    await expectPage(page, 'Check your answers - Change API client', { heading: 'Check your answers' })
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expectClientPage(page, name, 'Active')
    await expectSuccessBanner(page, 'API client updated')

    await page.getByRole('button', { name: 'Revoke API client' }).click()
    await expectConfirmPage(page, 'revoke', name, id)
    await page.getByRole('button', { name: 'Revoke API client' }).click()
    await expectClientPage(page, name, 'Revoked')
    await expectSuccessBanner(page, 'API client revoked')

    await page.getByRole('link', { name: 'Delete API client' }).click()
    await expectConfirmPage(page, 'delete', name, id)
    await page.getByRole('button', { name: 'Delete API client' }).click()
    await expect(page).toHaveURL(/\/api-clients$/)
    await expectListPage(page)
    await expectSuccessBanner(page, 'API client deleted')
    await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0)
    await expectNotFound(page, `/api-clients/${id}`)
  })

  test('a page that is not found says so', async ({ page }) => {
    // Next 16 sends an empty document for a page's notFound() (vercel/next.js#98295, #98954); the proxy
    // serves the whole 404 page instead (lib/auth/error-pages.ts). e2e/error-pages.spec.ts checks every case.
    await signIn(page, 'api-only')
    await expectNotFound(page, '/api-clients/00000000-0000-4000-8000-000000000000')
  })
})
