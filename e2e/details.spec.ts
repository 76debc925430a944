import { seededUserId } from './support/fixtures'
import { journeyUsers } from './support/journey-users'
import { expectPage } from './support/pages'
import { signIn } from './support/sign-in'
import { expect, test } from './support/test'

test.describe('Details an assessor would check', () => {
  test('the Beta banner has a feedback link', async ({ page }) => {
    await page.goto('/sign-in')
    const banner = page.locator('.govuk-phase-banner')
    await expect(banner).toHaveText('Beta This is a new service. Help us improve it and give your feedback by email.')
    await expect(banner.getByRole('link', { name: 'give your feedback by email' })).toHaveAttribute(
      'href',
      'mailto:register-of-training-providers@education.gov.uk',
    )
  })

  test('Deactivate user is a red button even when the person has no clients to revoke', async ({ page }) => {
    // The fuzz journey's person has no clients and is never deactivated (the fuzz may rename them).
    await signIn(page, 'general-access')
    await page.goto(`/users/${seededUserId(journeyUsers.fuzz.email)}/deactivate`)
    await expectPage(page, /Confirm you want to deactivate .+ - Deactivate user/, { heading: /^Confirm you want to deactivate .+$/ })
    await expect(page.locator('.govuk-warning-text')).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Deactivate user' })).toHaveClass(/\bgovuk-button--warning\b/)
  })

  test('every form posts to its own page, not to ""', async ({ page }) => {
    await signIn(page, 'general-access')
    for (const path of ['/api-clients/new', '/users/new']) {
      await page.goto(path)
      await expect(page.locator('main form')).toHaveAttribute('action', path)
    }
  })
})
