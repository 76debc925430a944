import type { Page } from '@playwright/test'
import { expect, test } from './support/test'
import { cancelDfeSignIn, signInWithDfeSignIn } from './support/dfe-sign-in'
import { testSubjectFor } from './support/oidc-subject'
import { expectErrorSummary, expectPage } from './support/pages'
import { demoUser } from './support/sign-in'

// Every journey here goes through the whole redirect flow: the service's start link, the test OpenID
// Connect provider (scripts/oidc-provider.ts), the authorisation code exchange with PKCE, and back.

async function expectSignedInAs(page: Page, user: { name: string; email: string }) {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Your account' }).click()
  await expectPage(page, 'Your account')
  await expect(page.getByText(user.name, { exact: true })).toBeVisible()
  await expect(page.getByText(user.email)).toBeVisible()
}

/**
 * Leaves the service as a new browser would, by dropping its session cookie. Not the Sign out link: that
 * ends every session of the person (docs/decisions/0013), and these demo people are signed in by other
 * journeys running at the same time. e2e/sign-in.spec.ts tests signing out.
 */
async function signOut(page: Page) {
  const session = (await page.context().cookies()).filter((cookie) => cookie.name.endsWith('next-auth.session-token'))
  expect(session).toHaveLength(1)
  await page.context().clearCookies({ name: session[0]?.name })
  await expectNoSession(page)
}

async function expectNoSession(page: Page) {
  await page.goto('/api-clients')
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fapi-clients$/)
}

test.describe('Signing in with DfE Sign-in', () => {
  test('the sign-in page offers DfE Sign-in first, then the email and password form', async ({ page }) => {
    await page.goto('/sign-in')
    await expectPage(page, 'Sign in')
    await expect(page.getByRole('button', { name: 'Sign in with DfE Sign-in' })).toHaveAttribute('href', '/sign-in/dfe-sign-in')
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText('Sign in with your email address and password')
    await expect(page.getByLabel('Email address')).toBeVisible()
  })

  test('a known user signs in, lands on API clients, and signs in again later', async ({ page }) => {
    const anne = demoUser('general-access')
    await signInWithDfeSignIn(page, anne.email)
    await expect(page).toHaveURL(/\/api-clients$/)
    await expectPage(page, /API clients \(\d+\)(?: \(page \d+ of \d+\))?/)
    const navigation = page.getByRole('navigation', { name: 'Menu' })
    await expect(navigation.getByRole('link')).toHaveText(['API clients', 'Activity', 'Users', 'Your account', 'Sign out'])
    await expectSignedInAs(page, anne)

    await signOut(page)
    await signInWithDfeSignIn(page, anne.email.toUpperCase())
    await expect(page).toHaveURL(/\/api-clients$/)
    await expectSignedInAs(page, anne)
  })

  test('after the first sign-in a person is recognised by their DfE Sign-in account, not their email address', async ({ page }) => {
    const mohammed = demoUser('general-access-2')
    await signInWithDfeSignIn(page, mohammed.email)
    await expectPage(page, /API clients \(\d+\)(?: \(page \d+ of \d+\))?/)
    await signOut(page)

    // The same DfE Sign-in account after its email address changed: still Mohammed.
    await signInWithDfeSignIn(page, 'mohammed.khan.new@education.gov.uk', { sub: testSubjectFor(mohammed.email) })
    await expectPage(page, /API clients \(\d+\)(?: \(page \d+ of \d+\))?/)
    await expectSignedInAs(page, mohammed)
  })

  test('another DfE Sign-in account with a linked person’s email address is not let in as them', async ({ page }) => {
    const tom = demoUser('api-only-2')
    await signInWithDfeSignIn(page, tom.email)
    await expectPage(page, /API clients(?: \(\d+\))?(?: \(page \d+ of \d+\))?/)
    await signOut(page)

    await signInWithDfeSignIn(page, tom.email, { sub: 'ANOTHER-ACCOUNT-WITH-TOMS-ADDRESS' })
    await expectPage(page, 'You do not have an account for this service')
    await expectNoSession(page)
  })

  test('someone the service does not know is told they have no account, and gets no session', async ({ page }) => {
    await signInWithDfeSignIn(page, `not.registered.${Date.now()}@education.gov.uk`)
    await expect(page).toHaveURL(/\/sign-in\/not-recognised$/)
    await expectPage(page, 'You do not have an account for this service')
    await expect(page.getByText('You signed in to DfE Sign-in with an email address that is not registered')).toBeVisible()
    await expect(page.getByText('ask someone who has general access to this service to add you as a user')).toBeVisible()
    await expectNoSession(page)
  })

  test('an inactive user is told their account is not active, and gets no session', async ({ page }) => {
    await signInWithDfeSignIn(page, demoUser('inactive').email)
    await expect(page).toHaveURL(/\/account-not-active$/)
    await expectPage(page, 'Your account is not active')
    await expectNoSession(page)
  })

  test('a signed-out visit to a staff page returns to that page after DfE Sign-in', async ({ page }) => {
    const priya = demoUser('api-only')
    await signInWithDfeSignIn(page, priya.email, { path: '/account' })
    await expect(page).toHaveURL(/\/account$/)
    await expectPage(page, 'Your account')
    await expect(page.getByText(priya.email)).toBeVisible()
  })

  test('cancelling at DfE Sign-in comes back to the sign-in page with an error, and trying again works', async ({ page }) => {
    await cancelDfeSignIn(page)
    await expect(page).toHaveURL(/\/sign-in\?/)
    await expectPage(page, 'Sign in', { hasErrors: true })
    await expectErrorSummary(page, ['Sign in with DfE Sign-in did not work. Try again'])
    await page.getByRole('link', { name: 'Sign in with DfE Sign-in did not work. Try again' }).click()
    await expect(page.getByRole('button', { name: 'Sign in with DfE Sign-in' })).toBeFocused()

    const anne = demoUser('general-access')
    await signInWithDfeSignIn(page, anne.email, { path: page.url() })
    await expectPage(page, /API clients \(\d+\)(?: \(page \d+ of \d+\))?/)
  })
})

test.describe('Signing in with DfE Sign-in with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false })

  test('a known user signs in through the whole redirect flow, back to the page they asked for', async ({ page }) => {
    const tom = demoUser('api-only-2')
    await signInWithDfeSignIn(page, tom.email, { path: '/account' })
    await expect(page).toHaveURL(/\/account$/)
    await expectPage(page, 'Your account')
    await expect(page.getByText(tom.email)).toBeVisible()
  })

  test('someone the service does not know is told they have no account', async ({ page }) => {
    await signInWithDfeSignIn(page, `not.registered.nojs.${Date.now()}@education.gov.uk`)
    await expectPage(page, 'You do not have an account for this service')
  })
})
