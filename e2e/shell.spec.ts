import { expect, test } from './support/test'
import { expectPage } from './support/pages'
import { journeyUsers } from './support/journey-users'
import { signIn, signInWithPassword } from './support/sign-in'

test.describe('The GOV.UK shell', () => {
  test('a page that does not exist is a GOV.UK 404 page', async ({ page }) => {
    await signIn(page, 'general-access')
    const response = await page.goto('/no-such-page')
    expect(response?.status()).toBe(404)
    await expectPage(page, 'Page not found')
  })

  test('an API-only user gets the 403 page for the Users section', async ({ page }) => {
    await signIn(page, 'api-only')
    const response = await page.goto('/users')
    expect(response?.status()).toBe(403)
    await expectPage(page, 'You do not have permission to view this page')
  })

  test('a general-access user sees everyone in the Users section with their status', async ({ page }) => {
    await signIn(page, 'general-access')
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Users' }).click()
    // Other journeys add users meanwhile, so the count is not fixed here (e2e/users.spec.ts checks it grows).
    await expectPage(page, /Users \(\d+\)/)
    const rhys = page.getByRole('row').filter({ hasText: 'Rhys Evans' })
    await expect(rhys.getByRole('cell').nth(3)).toHaveText('Inactive')
    const priya = page.getByRole('row').filter({ hasText: 'Priya Shah' })
    await expect(priya.getByRole('cell').nth(2)).toHaveText('Yes')
  })

  test('public pages are reachable from the footer without signing in', async ({ page }) => {
    await page.goto('/sign-in')
    await page.getByRole('contentinfo').getByRole('link', { name: 'Cookies' }).click()
    await expectPage(page, 'Cookies')
    await page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility statement' }).click()
    await expectPage(page, 'Accessibility statement', { heading: 'Accessibility statement for the Register of training providers' })
  })

  test('the skip link takes keyboard users to the main content', async ({ page }) => {
    await page.goto('/sign-in')
    const skipLink = page.getByRole('link', { name: 'Skip to main content' })
    // govuk-frontend's JavaScript makes <main> focusable; wait until it has started.
    await expect(skipLink).toHaveAttribute('data-govuk-skip-link-init', '')
    await page.keyboard.press('Tab')
    await expect(skipLink).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.locator('#main-content')).toBeFocused()
  })

  test('every response carries the security headers', async ({ page }) => {
    const response = await page.goto('/sign-in')
    const headers = response?.headers() ?? {}
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/)
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    expect(headers['strict-transport-security']).toContain('max-age=')
    expect(headers['x-powered-by']).toBeUndefined()
  })
})

test.describe('The shell with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false })

  test('sign-in, navigation, errors and sign-out all work', async ({ page }) => {
    await page.goto('/sign-in')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expectPage(page, 'Sign in', { hasErrors: true })
    // A person of its own: signing out ends every session of the person, in every journey.
    await signInWithPassword(page, journeyUsers['sign-out-no-javascript'].email)
    await expect(page).toHaveURL(/\/api-clients$/)
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Your account' }).click()
    await expectPage(page, 'Your account')
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Sign out' }).click()
    await expectPage(page, 'You have signed out')
  })

  test('"Sign out everywhere" works without JavaScript', async ({ page, browser }) => {
    const person = journeyUsers['sign-out-everywhere-no-javascript']
    const other = await browser.newContext({ javaScriptEnabled: false })
    const otherPage = await other.newPage()
    await signInWithPassword(otherPage, person.email)
    await expect(otherPage.getByRole('link', { name: 'Sign out' })).toBeVisible()
    await signInWithPassword(page, person.email)
    await expect(page.getByRole('link', { name: 'Sign out' })).toBeVisible()
    await page.goto('/account')
    await page.getByRole('button', { name: 'Sign out everywhere' }).click()
    await expectPage(page, 'You have signed out')
    await otherPage.goto('/account')
    // The cookie is still there but refused: the page sends the browser to sign in.
    await expect(otherPage).toHaveURL(/\/sign-in(\?callbackUrl=%2Faccount)?$/)
    await other.close()
  })
})
