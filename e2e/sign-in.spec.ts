import { expect, test } from './support/test'
import { expectErrorSummary, expectPage } from './support/pages'
import { demoUser, signIn } from './support/sign-in'

test.describe('Signing in', () => {
  test('a general-access user signs in, sees every section and lands on API clients', async ({ page }) => {
    await page.goto('/sign-in')
    await expectPage(page, 'Sign in')
    await signIn(page, 'general-access')
    await expect(page).toHaveURL(/\/api-clients$/)
    await expectPage(page, /API clients \(\d+\)/)
    const navigation = page.getByRole('navigation', { name: 'Menu' })
    await expect(navigation.getByRole('link')).toHaveText(['API clients', 'Activity', 'Users', 'Your account', 'Sign out'])
    await expect(navigation.getByRole('link', { name: 'API clients' })).toHaveAttribute('aria-current', 'true')
  })

  test('an API-only user signs in and has no Users section', async ({ page }) => {
    await signIn(page, 'api-only')
    await expect(page).toHaveURL(/\/api-clients$/)
    const navigation = page.getByRole('navigation', { name: 'Menu' })
    await expect(navigation.getByRole('link')).toHaveText(['API clients', 'Activity', 'Your account', 'Sign out'])
    await page.goto('/account')
    await expectPage(page, 'Your account')
    const user = demoUser('api-only')
    await expect(page.getByText(user.email)).toBeVisible()
    await expect(page.getByText('API user', { exact: true })).toBeVisible()
  })

  test('empty fields are named in the error summary and next to the fields', async ({ page }) => {
    await page.goto('/sign-in')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expectPage(page, 'Sign in', { hasErrors: true })
    await expectErrorSummary(page, ['Enter your email address', 'Enter your password'])
    await expect(page.locator('#email-error')).toHaveText('Error: Enter your email address')
    await expect(page.locator('#password-error')).toHaveText('Error: Enter your password')
    await page.getByRole('link', { name: 'Enter your password' }).click()
    await expect(page.getByLabel('Password', { exact: true })).toBeFocused()
  })

  test('a wrong password does not say which of the two was wrong, and keeps the email', async ({ page }) => {
    const user = demoUser('general-access')
    await page.goto('/sign-in')
    await page.getByLabel('Email address').fill(user.email)
    await page.getByLabel('Password', { exact: true }).fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expectPage(page, 'Sign in', { hasErrors: true })
    await expectErrorSummary(page, ['Enter a correct email address and password'])
    await expect(page.getByLabel('Email address')).toHaveValue(user.email)
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('')

    // An unknown email gets exactly the same answer.
    await page.getByLabel('Email address').fill('nobody@education.gov.uk')
    await page.getByLabel('Password', { exact: true }).fill(user.password)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expectErrorSummary(page, ['Enter a correct email address and password'])
  })

  test('an inactive user is told their account is not active and gets no session', async ({ page }) => {
    await signIn(page, 'inactive')
    await expectPage(page, 'Your account is not active')
    await page.goto('/api-clients')
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fapi-clients$/)
  })

  test('signing out ends the session', async ({ page }) => {
    await signIn(page, 'general-access')
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Sign out' }).click()
    await expectPage(page, 'You have signed out')
    await expect(page.getByRole('link', { name: 'Sign out' })).toHaveCount(0)
    await page.goto('/account')
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/)
  })

  test('a signed-out visit to a staff page asks for sign-in, then returns to that page', async ({ page }) => {
    await page.goto('/account')
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/)
    await expectPage(page, 'Sign in')
    const user = demoUser('general-access-2')
    await page.getByLabel('Email address').fill(user.email)
    await page.getByLabel('Password', { exact: true }).fill(user.password)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect(page).toHaveURL(/\/account$/)
    await expectPage(page, 'Your account')
  })

  test('a sign-in link cannot send people to another site afterwards', async ({ page }) => {
    await signIn(page, 'general-access', '/sign-in?callbackUrl=https://evil.example/')
    await expect(page).toHaveURL(/\/api-clients$/)
  })
})

test.describe('Signing in with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false })

  test('after 10 failed attempts an email address is locked for 15 minutes', async ({ page }) => {
    // An address of its own, so the lock cannot touch any other journey.
    const email = `locked.out.${Date.now()}@education.gov.uk`
    await page.goto('/sign-in')
    const attempt = async (password: string) => {
      await page.getByLabel('Email address').fill(email)
      await page.getByLabel('Password', { exact: true }).fill(password)
      // Without JavaScript each attempt is a whole page load, so every answer is read from a fresh page.
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Sign in', exact: true }).click()])
    }
    for (let count = 1; count <= 10; count += 1) {
      await attempt(`guess-${count}`)
      await expectErrorSummary(page, ['Enter a correct email address and password'])
    }
    await attempt('guess-11')
    await expectPage(page, 'Sign in', { hasErrors: true })
    await expectErrorSummary(page, ['You have tried to sign in too many times. Wait 15 minutes, then try again'])
  })
})
