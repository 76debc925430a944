import { expect, type Page } from '@playwright/test'

/**
 * Signs in through DfE Sign-in as a person would: the start button on the sign-in page, the test
 * provider's page (scripts/oidc-provider.ts) where they give their email address, and back through the
 * service's callback. `path` is where the journey starts (a staff page sends them to sign in first);
 * `sub` overrides the DfE Sign-in subject the provider derives from the email address. It returns once
 * the service has answered, wherever that is: signed in, or refused.
 */
export async function signInWithDfeSignIn(page: Page, email: string, options: { path?: string; sub?: string } = {}): Promise<void> {
  await page.goto(options.path ?? '/sign-in')
  const service = new URL(page.url()).origin
  await page.getByRole('button', { name: 'Sign in with DfE Sign-in' }).click()
  await expect(page.getByRole('heading', { name: 'Test DfE Sign-in' })).toBeVisible()
  await page.getByLabel('Email address').fill(email)
  if (options.sub) await page.getByLabel('Subject identifier (optional)').fill(options.sub)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.waitForURL((url) => url.origin === service && !url.pathname.startsWith('/api/auth/'))
}

/** Leaves the test provider's page without signing in, as a person pressing Cancel would. */
export async function cancelDfeSignIn(page: Page): Promise<void> {
  await page.goto('/sign-in')
  const service = new URL(page.url()).origin
  await page.getByRole('button', { name: 'Sign in with DfE Sign-in' }).click()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await page.waitForURL((url) => url.origin === service && !url.pathname.startsWith('/api/auth/'))
}
