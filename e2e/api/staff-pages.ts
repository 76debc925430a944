import { expect, type Page } from '@playwright/test'
import { signIn } from '../support/sign-in'

/** Finds a client by name on the API clients list, page by page, and opens it. */
async function openApiClient(page: Page, name: string): Promise<void> {
  await page.goto('/api-clients')
  for (;;) {
    const link = page.getByRole('link', { name, exact: true })
    if ((await link.count()) > 0) return link.click()
    const next = page.getByRole('navigation', { name: /Pagination/i }).getByRole('link', { name: /Next/ })
    await expect(next, `no API client called ${name}`).toBeVisible()
    await next.click()
  }
}

/** Revokes a client as Anne (general access) would: its page, Revoke API client, then the red button. */
export async function revokeThroughStaffPages(page: Page, name: string): Promise<void> {
  await signIn(page, 'general-access')
  await openApiClient(page, name)
  await page.getByRole('button', { name: 'Revoke API client' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Confirm you want to revoke ${name}`)
  await page.getByRole('button', { name: 'Revoke API client' }).click()
  // Back on the client's page, now Revoked: the change has committed.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${name} Revoked`)
}

/** Regenerates a client's token as Anne would, the old one stopping at once; returns the new token. */
export async function regenerateImmediatelyThroughStaffPages(page: Page, name: string): Promise<string> {
  await signIn(page, 'general-access')
  await openApiClient(page, name)
  await page.getByRole('button', { name: 'Regenerate token' }).click()
  await page.getByRole('radio', { name: 'Immediately' }).check()
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'Regenerate token' }).click()
  // The new token is shown once the change has committed.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New token created')
  return (await page.locator('.govuk-panel .app-token').textContent()) ?? ''
}

/** Deletes a client as Anne would: its page, Delete API client, then the red button. */
export async function deleteThroughStaffPages(page: Page, name: string): Promise<void> {
  await signIn(page, 'general-access')
  await openApiClient(page, name)
  await page.getByRole('link', { name: 'Delete API client' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Confirm you want to delete ${name}`)
  await page.getByRole('button', { name: 'Delete API client' }).click()
  // Back on the list: the change has committed (its banner is the delete journey's to check).
  await expect(page).toHaveURL(/\/api-clients$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^API clients/)
}
