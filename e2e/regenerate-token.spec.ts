import type { APIRequestContext, Page } from '@playwright/test'
import { distinctAddress, getInfo } from './api/api-requests'
import { expectPage } from './support/pages'
import { signIn } from './support/sign-in'
import { expect, test } from './support/test'
import { tokenPattern } from './pages/add-api-client'
import { addApiClient as addWithToken } from './pages/add-api-client-journey'
import { activityCard, dateTimePattern, expectClientPage, expectHistory, expectNotFound, summaryRows } from './pages/manage-api-client-page'
import { openFromList, uniqueClientName } from './pages/manage-api-client-setup'

type Choice = 'Immediately' | 'In 1 hour' | 'In 24 hours' | 'In 7 days'
const question = 'When should the current token stop working?'

// Each journey adds its own clients and runs axe on every page it visits.
test.describe.configure({ timeout: 180_000 })

/** Adds a client through the Add pages and opens its page; returns its id and first token. */
async function addClient(page: Page, name: string): Promise<{ id: string; token: string }> {
  const token = await addWithToken(page, name)
  await page.getByRole('link', { name: 'Back to API clients' }).click()
  await openFromList(page, name)
  return { id: new URL(page.url()).pathname.split('/').pop() ?? '', token }
}

/** Step 1 to the check-answers page, choosing `choice`. */
async function chooseOverlap(page: Page, choice: Choice): Promise<void> {
  await page.getByRole('button', { name: 'Regenerate token' }).click()
  await expectPage(page, `${question} - Regenerate token`, { heading: question })
  await page.getByRole('radio', { name: choice }).check()
  await page.getByRole('button', { name: 'Continue' }).click()
  await expectPage(page, 'Check your answers - Regenerate token', { heading: 'Check your answers' })
}

/**
 * Presses Regenerate token and returns the new token and the response's headers. As for Save API client,
 * the response passes through Playwright, which keeps its body and headers.
 */
async function confirmRegenerate(page: Page, id: string): Promise<{ token: string; headers: Record<string, string> }> {
  let headers: Record<string, string> | undefined
  const path = `**/api-clients/${id}/regenerate/check`
  await page.route(path, async (route) => {
    if (route.request().method() !== 'POST') return route.fallback()
    const response = await route.fetch({ maxRedirects: 0 })
    headers = response.headers()
    await route.fulfill({ response })
  })
  await page.getByRole('button', { name: 'Regenerate token' }).click()
  await expectPage(page, 'New token created')
  await page.unroute(path)
  const token = (await page.locator('.govuk-panel .app-token').textContent()) ?? ''
  expect(token).toMatch(tokenPattern)
  if (!headers) throw new Error('the regeneration sent no request')
  return { token, headers }
}

/** GET /api/v1/info with a token: its status, and the body and expiry header when accepted. */
async function info(request: APIRequestContext, token: string) {
  const response = await getInfo(request, distinctAddress(), token)
  const body =
    response.status() === 200
      ? ((await response.json()) as { client: { name: string; expires_on: string; token_stops_at: string | null } })
      : undefined
  return { status: response.status(), body, expiresHeader: response.headers()['api-token-expires'] }
}

test.describe('Regenerating a token', () => {
  test('with an overlap, both tokens work until it ends; regenerating again stops the older one at once', async ({ page, request }) => {
    await signIn(page, 'general-access')
    const name = uniqueClientName('Regenerate')
    const { id, token: first } = await addClient(page, name)
    await expect(page.getByRole('button', { name: 'Regenerate token' })).toHaveAttribute('href', `/api-clients/${id}/regenerate`)

    // Step 1: the four choices; none is chosen, and Continue without one says so.
    await page.getByRole('button', { name: 'Regenerate token' }).click()
    await expectPage(page, `${question} - Regenerate token`, { heading: question })
    await expect(page.locator('.govuk-caption-l')).toHaveText('Regenerate token')
    await expect(page.getByRole('radio')).toHaveCount(4)
    for (const choice of ['Immediately', 'In 1 hour', 'In 24 hours', 'In 7 days'])
      await expect(page.getByRole('radio', { name: choice })).not.toBeChecked()
    await expect(page.getByText(/cannot work after the client’s expiry date/)).toBeVisible()
    await page.getByRole('button', { name: 'Continue' }).click()
    await expectPage(page, `${question} - Regenerate token`, { heading: question, hasErrors: true })
    await expect(page.locator('.govuk-error-summary')).toContainText('Select when the current token should stop working')

    await page.getByRole('radio', { name: 'In 1 hour' }).check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await expectPage(page, 'Check your answers - Regenerate token', { heading: 'Check your answers' })
    expect(await summaryRows(page.locator('.govuk-summary-list'))).toEqual([
      ['Client name', name],
      ['Current token stops working', 'In 1 hour'],
    ])
    await expect(page.locator('.govuk-warning-text__text')).toHaveText(
      'Warning A new token will be created and shown once on the next page. The current token will keep working for 1 hour, then stop.',
    )
    // Change brings the choice back.
    await page.getByRole('link', { name: 'Change when the current token stops working' }).click()
    await expect(page.getByRole('radio', { name: 'In 1 hour' })).toBeChecked()
    await page.getByRole('button', { name: 'Continue' }).click()

    const { token: second, headers } = await confirmRegenerate(page, id)
    expect(headers['cache-control']).toContain('no-store')
    expect(second).not.toBe(first)
    await expect(page.locator('.govuk-panel .govuk-panel__body')).toHaveText(`${name}${second}`)
    await expect(page.getByText('Copy this token now. For security, it cannot be viewed again.')).toBeVisible()
    await expect(page.getByText(new RegExp(`^The previous token stops working on ${dateTimePattern}\\.$`))).toBeVisible()
    await expect(page.getByRole('link', { name: 'Back to API client' })).toHaveAttribute('href', `/api-clients/${id}`)

    // Both work during the overlap; the old one is told when it stops, and both when the client expires.
    const old = await info(request, first)
    const fresh = await info(request, second)
    expect([old.status, fresh.status]).toEqual([200, 200])
    expect(old.body?.client.name).toBe(name)
    expect(Date.parse(old.body?.client.token_stops_at ?? '') - Date.now()).toBeGreaterThan(55 * 60_000)
    expect(fresh.body?.client.token_stops_at).toBeNull()
    expect(old.expiresHeader).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(fresh.expiresHeader).toBe(old.body?.client.expires_on)

    // The confirmation cannot be revisited: reloading resubmits, and finds the answer used.
    await page.reload()
    await expectClientPage(page, name, 'Active')
    expect(await page.content()).not.toContain(second)
    await page.goto(`/api-clients/${id}/regenerate/check`)
    await expectClientPage(page, name, 'Active')
    expect(await page.content()).not.toContain('rotp_')

    // The client's page says until when the old token works; the history says who did it and when it stops.
    const rows = await summaryRows(page.locator('.govuk-summary-list').first())
    expect(rows.find(([key]) => key === 'Previous token works until')?.[1]).toMatch(new RegExp(`^${dateTimePattern}$`))
    await expectHistory(page, ['Token regenerated', 'API client added'])
    const card = activityCard(page, 'Token regenerated')
    expect((await summaryRows(card)).map(([key]) => key)).toEqual(['Client name', 'Expiry date', 'Previous token stops working'])
    await expect(card.getByText(/^By /)).toHaveText(new RegExp(`^By Anne Wilson on ${dateTimePattern}$`))

    // Regenerating during the overlap says the older token stops at once, and it does.
    await page.getByRole('button', { name: 'Regenerate token' }).click()
    await expect(page.locator('.govuk-inset-text')).toHaveText(
      new RegExp(`^A previous token still works until ${dateTimePattern}\\. It will stop working as soon as you regenerate the token again\\.$`),
    )
    await page.getByRole('radio', { name: 'Immediately' }).check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(page.locator('.govuk-warning-text__text')).toContainText(
      'The current token will stop working straight away. A previous token still works until',
    )
    const { token: third } = await confirmRegenerate(page, id)
    await expect(page.getByText('The previous token has stopped working.')).toBeVisible()
    expect((await info(request, first)).status).toBe(401)
    expect((await info(request, second)).status).toBe(401)
    expect((await info(request, third)).status).toBe(200)
  })

  for (const choice of ['In 24 hours', 'In 7 days'] as const) {
    test(`“${choice}” keeps the old token working for that long`, async ({ page, request }) => {
      await signIn(page, 'api-only')
      const name = uniqueClientName(`Overlap ${choice}`)
      const { id, token: first } = await addClient(page, name)
      await chooseOverlap(page, choice)
      const { token: second } = await confirmRegenerate(page, id)
      const hours = choice === 'In 24 hours' ? 24 : 7 * 24
      const stopsAt = Date.parse((await info(request, first)).body?.client.token_stops_at ?? '')
      expect(Math.abs(stopsAt - Date.now() - hours * 3_600_000)).toBeLessThan(5 * 60_000)
      expect((await info(request, second)).status).toBe(200)
      await page.context().clearCookies()
    })
  }

  test('“Immediately” stops the old token at once', async ({ page, request }) => {
    await signIn(page, 'general-access')
    const name = uniqueClientName('Immediately')
    const { id, token: first } = await addClient(page, name)
    await chooseOverlap(page, 'Immediately')
    await expect(page.locator('.govuk-warning-text__text')).toHaveText(
      'Warning A new token will be created and shown once on the next page. The current token will stop working straight away.',
    )
    const { token: second } = await confirmRegenerate(page, id)
    expect((await info(request, first)).status).toBe(401)
    expect((await info(request, second)).status).toBe(200)
  })

  test('API-only users regenerate only their own clients; another’s regenerate pages are not found', async ({ page, browser, baseURL }) => {
    await signIn(page, 'api-only')
    const { id } = await addClient(page, uniqueClientName('Priya’s'))
    const tom = await (await browser.newContext({ baseURL })).newPage()
    await signIn(tom, 'api-only-2')
    await expectNotFound(tom, `/api-clients/${id}/regenerate`)
    await expectNotFound(tom, `/api-clients/${id}/regenerate/check`)
    await tom.context().close()
    await page.context().clearCookies()
  })
})

test.describe('Regenerating a token without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the choice, the check and the one-time token all work as plain forms', async ({ page, request }) => {
    await signIn(page, 'api-only')
    const name = uniqueClientName('Regenerate without JavaScript')
    const { id, token: first } = await addClient(page, name)
    await page.getByRole('button', { name: 'Regenerate token' }).click()
    await page.getByRole('button', { name: 'Continue' }).click()
    await expectPage(page, `${question} - Regenerate token`, { heading: question, hasErrors: true })
    await page.getByRole('radio', { name: 'In 1 hour' }).check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await expectPage(page, 'Check your answers - Regenerate token', { heading: 'Check your answers' })
    const { token: second, headers } = await confirmRegenerate(page, id)
    expect(headers['cache-control']).toContain('no-store')
    expect((await info(request, first)).status).toBe(200)
    expect((await info(request, second)).status).toBe(200)
    await page.goto(`/api-clients/${id}/regenerate/check`)
    await expectClientPage(page, name, 'Active')
    expect(await page.content()).not.toContain('rotp_')
    await page.context().clearCookies()
  })
})
