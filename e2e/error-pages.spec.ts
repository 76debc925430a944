import type { Page } from '@playwright/test'
import { baseURL } from '../playwright.config'
import { expectPage } from './support/pages'
import { addApiClient, uniqueClientName } from './pages/manage-api-client-setup'
import { seededUserId } from './support/fixtures'
import { journeyUsers } from './support/journey-users'
import { signIn } from './support/sign-in'
import { expect, test } from './support/test'

const unknown = '00000000-0000-4000-8000-000000000000'
const notFoundTitle = 'Page not found'
const forbiddenTitle = 'You do not have permission to view this page'

/**
 * Visits each address and checks the whole GOV.UK page came with the status: title, heading and words in the
 * HTML itself (Next's notFound() alone leaves them for JavaScript to add). It is one page, so axe (and the
 * other page checks) run on the first address only: each takes seconds without JavaScript.
 */
async function expectErrorPages(page: Page, paths: string[], status: 403 | 404): Promise<void> {
  const title = status === 404 ? notFoundTitle : forbiddenTitle
  for (const [index, path] of paths.entries()) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(status)
    const html = (await response?.text()) ?? ''
    expect(html, path).toContain('<html lang="en"')
    expect(html, path).toContain(`<h1 class="govuk-heading-l">${title}</h1>`)
    expect(html, path).toContain(`<title>${title} - Register of training providers - GOV.UK</title>`)
    if (index === 0) await expectPage(page, title)
    if (status === 403) await expect(page.getByRole('main').getByRole('link', { name: 'API clients' })).toHaveAttribute('href', '/api-clients')
  }
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`404 and 403 pages ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, () => {
    test.use({ javaScriptEnabled })
    test.describe.configure({ timeout: 180_000 })

    test('an unknown, deleted or someone else’s client is the whole 404 page', async ({ page, browser }) => {
      // Tom's client is set up with JavaScript, as the page checks that setup runs need it.
      const tomsContext = await browser.newContext({ baseURL, javaScriptEnabled: true })
      const tom = await tomsContext.newPage()
      await signIn(tom, 'api-only-2')
      const { id: tomsClient } = await addApiClient(tom, uniqueClientName('Not yours'))
      await tomsContext.close()

      await signIn(page, 'api-only')
      await expectErrorPages(
        page,
        [
          `/api-clients/${unknown}`,
          `/api-clients/${tomsClient}`,
          `/api-clients/${tomsClient}/edit`,
          `/api-clients/${tomsClient}/check`,
          `/api-clients/${tomsClient}/revoke`,
          `/api-clients/${tomsClient}/delete`,
          '/api-clients/not-an-id',
        ],
        404,
      )
      // Not /sign-out: signing out ends every session of the person, which would sign out parallel journeys as her.
      await page.context().clearCookies()
      await signIn(page, 'api-only-2')
      await page.goto(`/api-clients/${tomsClient}/delete`)
      await page.getByRole('button', { name: 'Delete API client' }).click()
      await expect(page).toHaveURL(/\/api-clients$/)
      await expectErrorPages(page, [`/api-clients/${tomsClient}`, `/api-clients/${tomsClient}/edit`], 404)
    })

    test('an unknown user and a page after the last are the whole 404 page', async ({ page }) => {
      await signIn(page, 'general-access')
      await expectErrorPages(
        page,
        [
          `/users/${unknown}`,
          `/users/${unknown}/edit`,
          `/users/${unknown}/delete`,
          '/users/not-an-id/edit',
          '/users?page=999',
          '/activity?page=99999',
          '/api-clients?page=999',
        ],
        404,
      )
    })

    test('an API-only user gets the whole 403 page for every Users page and where a refused form lands', async ({ page }) => {
      const walter = seededUserId(journeyUsers['walk-target'].email)
      await signIn(page, 'api-only')
      const paths = [
        '/users',
        '/users?page=2',
        '/users/new',
        '/users/new/check',
        `/users/${walter}`,
        `/users/${walter}/edit`,
        `/users/${walter}/deactivate`,
        `/users/${walter}/reactivate`,
        `/users/${walter}/delete`,
        `/users/${unknown}`,
        '/permission-denied',
      ]
      await expectErrorPages(page, paths, 403)
    })
  })
}
