import type { Browser, BrowserContext, Page } from '@playwright/test'
import { expect, test } from './support/test'
import { journeyUsers } from './support/journey-users'
import { expectErrorSummary, expectPage } from './support/pages'
import { demoUser, signIn, signInWithPassword } from './support/sign-in'

/** Another browser holding a copy of `page`'s session cookie, as someone who copied it would. */
async function browserWithCopiedSession(browser: Browser, page: Page): Promise<BrowserContext> {
  const copied = (await page.context().cookies()).filter((cookie) => cookie.name.endsWith('next-auth.session-token'))
  expect(copied).toHaveLength(1)
  const context = await browser.newContext()
  await context.addCookies(copied)
  return context
}

/** A staff page sends the browser to sign in: with the page to return to when its cookie is gone, without when the cookie is refused. */
async function expectSentToSignIn(page: Page) {
  await page.goto('/account')
  await expect(page).toHaveURL(/\/sign-in(\?callbackUrl=%2Faccount)?$/)
  await expect(page.getByRole('link', { name: 'Sign out' })).toHaveCount(0)
}

test.describe('Signing in', () => {
  test('a general-access user signs in, sees every section and lands on API clients', async ({ page }) => {
    await page.goto('/sign-in')
    await expectPage(page, 'Sign in')
    await signIn(page, 'general-access')
    await expect(page).toHaveURL(/\/api-clients$/)
    await expectPage(page, /API clients \(\d+\)(?: \(page \d+ of \d+\))?/)
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

  test('signing out ends the session, and a copy of its cookie taken before no longer works', async ({ page, browser }) => {
    await signInWithPassword(page, journeyUsers['sign-out'].email)
    await expect(page.getByRole('link', { name: 'Sign out' })).toBeVisible()
    const copy = await browserWithCopiedSession(browser, page)
    const copyPage = await copy.newPage()
    await copyPage.goto('/account')
    await expectPage(copyPage, 'Your account')

    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Sign out' }).click()
    await expectPage(page, 'You have signed out')
    await expect(page.getByRole('link', { name: 'Sign out' })).toHaveCount(0)
    await expectSentToSignIn(page)

    await expectSentToSignIn(copyPage)
    // next-auth re-issues the cookie (with a new issue time) when its session endpoint is read: still refused.
    expect((await copyPage.request.get('/api/auth/session')).ok()).toBe(true)
    await expectSentToSignIn(copyPage)
    await copy.close()
  })

  test('"Sign out everywhere" on Your account ends the session in every browser', async ({ page, browser }) => {
    const evie = journeyUsers['sign-out-everywhere']
    await signInWithPassword(page, evie.email)
    await expect(page.getByRole('link', { name: 'Sign out' })).toBeVisible()
    const other = await browser.newContext()
    const otherPage = await other.newPage()
    await signInWithPassword(otherPage, evie.email)
    await expect(otherPage.getByRole('link', { name: 'Sign out' })).toBeVisible()
    const copy = await browserWithCopiedSession(browser, otherPage)
    const copyPage = await copy.newPage()

    await page.goto('/account')
    await expectPage(page, 'Your account')
    await expect(page.getByRole('heading', { level: 2, name: 'Sign out everywhere' })).toBeVisible()
    await expect(page.getByText('Sign out on every device and browser where you are signed in to this service')).toBeVisible()
    await page.getByRole('button', { name: 'Sign out everywhere' }).click()
    await expectPage(page, 'You have signed out')

    for (const each of [page, otherPage, copyPage]) await expectSentToSignIn(each)
    // Signing in again afterwards works as usual.
    await signInWithPassword(otherPage, evie.email)
    await expect(otherPage.getByRole('link', { name: 'Sign out' })).toBeVisible()
    await otherPage.goto('/account')
    await expectPage(otherPage, 'Your account')
    await other.close()
    await copy.close()
  })

  test('an address that cannot be anyone’s (a NUL byte, a dotted capital I) gets the format message, not a lookup', async ({ page }) => {
    const message = 'Enter an email address in the correct format, like name@education.gov.uk'
    for (const email of ['pr\u0130ya.shah@education.gov.uk', 'priya.shah@education.gov.uk\u0000']) {
      await page.goto('/sign-in')
      await page.getByLabel('Email address').fill('x')
      // Typing cannot enter a NUL byte; a script or a crafted post can.
      await page.getByLabel('Email address').evaluate((input, value) => ((input as HTMLInputElement).value = value), email)
      await page.getByLabel('Password', { exact: true }).fill(demoUser('api-only').password)
      await page.getByRole('button', { name: 'Sign in', exact: true }).click()
      await expectPage(page, 'Sign in', { hasErrors: true })
      await expectErrorSummary(page, [message])
      await expect(page.locator('#email-error')).toContainText(message)
      await expect(page.getByRole('link', { name: 'Sign out' })).toHaveCount(0)
    }
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
