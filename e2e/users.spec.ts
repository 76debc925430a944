import { randomUUID } from 'node:crypto'
import type { APIRequestContext, Page } from '@playwright/test'
import { expectNoSuccessBanner, expectSuccessBanner } from './pages/manage-api-client-page'
import { signInWithDfeSignIn } from './support/dfe-sign-in'
import { fixtureToken, seededUserId } from './support/fixtures'
import { journeyUsers, type JourneyUserKey } from './support/journey-users'
import { expectErrorSummary, expectPage } from './support/pages'
import { demoUser, signIn, signInWithPassword } from './support/sign-in'
import { expect, test } from './support/test'

const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu' })

/** A DfE address no other journey (or earlier run) uses. */
const uniqueEmail = (label: string) => `${label}.${randomUUID().slice(0, 8)}@education.gov.uk`

function journeyUser(key: JourneyUserKey) {
  const user = journeyUsers[key]
  return { ...user, name: `${user.firstName} ${user.lastName}`, id: seededUserId(user.email) }
}

/** GET /api/v1/info with a token; each journey sends its own X-Forwarded-For so rate limits never meet. */
async function infoStatus(request: APIRequestContext, token: string, address: string): Promise<number> {
  const response = await request.get('/api/v1/info', { headers: { Authorization: `Bearer ${token}`, 'X-Forwarded-For': address } })
  return response.status()
}

/** The summary list's rows on the page, as "Key: Value". */
async function summaryRows(page: Page): Promise<string[]> {
  const rows = page.locator('main .govuk-summary-list').first().locator('.govuk-summary-list__row')
  return (await rows.evaluateAll((elements) =>
    elements.map((row) => {
      const text = (selector: string) => (row.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim()
      return `${text('.govuk-summary-list__key')}: ${text('.govuk-summary-list__value')}`
    }),
  )) as string[]
}

test.describe('Add user', () => {
  test('every validation message, check answers with a Change link, then User added', async ({ page }) => {
    const email = uniqueEmail('ada.lovelace')
    await signIn(page, 'general-access')
    await menu(page).getByRole('link', { name: 'Users' }).click()
    const countBefore = Number(/\((\d+)\)/.exec((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')?.[1])
    await page.getByRole('button', { name: 'Add user' }).click()
    await expectPage(page, 'User details - Add user', { heading: 'User details' })

    await page.getByRole('button', { name: 'Continue' }).click()
    await expectPage(page, 'User details - Add user', { heading: 'User details', hasErrors: true })
    await expectErrorSummary(page, ['Enter first name', 'Enter last name', 'Enter email address', 'Select if the account is an API user'])
    await page.getByRole('link', { name: 'Select if the account is an API user' }).click()
    await expect(page.getByRole('radio', { name: 'Yes' })).toBeFocused()

    await page.getByLabel('First name').fill('Ada')
    await page.getByLabel('Last name').fill('Lovelace')
    await page.getByLabel('Email address').fill('ada.lovelace@gmail.com')
    await page.getByRole('radio', { name: 'No' }).check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await expectErrorSummary(page, ['Enter a Department for Education email address in the correct format, like name@education.gov.uk'])
    await expect(page.getByLabel('First name')).toHaveValue('Ada')
    await expect(page.getByRole('radio', { name: 'No' })).toBeChecked()

    // Someone already has this address, in another case.
    await page.getByLabel('Email address').fill(demoUser('general-access-2').email.toUpperCase())
    await page.getByRole('button', { name: 'Continue' }).click()
    await expectErrorSummary(page, ['Email address already in use'])
    await expect(page.locator('#email-error')).toHaveText('Error: Email address already in use')

    await page.getByLabel('Email address').fill(`  ${email.toUpperCase()} `)
    await page.getByRole('button', { name: 'Continue' }).click()
    await expectPage(page, 'Check your answers - Add user', { heading: 'Check your answers' })
    expect(await summaryRows(page)).toEqual(['First name: Ada', 'Last name: Lovelace', `Email address: ${email}`, 'API user: No'])

    await page.getByRole('link', { name: 'Change if the account is an API user' }).click()
    await expect(page.getByRole('radio', { name: 'No' })).toBeChecked()
    await page.getByRole('radio', { name: 'Yes' }).check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await expectPage(page, 'Check your answers - Add user', { heading: 'Check your answers' })
    expect(await summaryRows(page)).toContain('API user: Yes')
    await expect(page.getByRole('link', { name: 'Cancel' })).toHaveAttribute('href', '/users/new/cancel')

    await page.getByRole('button', { name: 'Save user' }).click()
    await expectPage(page, /Users \(\d+\)/)
    await expectSuccessBanner(page, 'User added')
    const countAfter = Number(/\((\d+)\)/.exec((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')?.[1])
    expect(countAfter).toBeGreaterThan(countBefore)

    await page.getByRole('row').filter({ hasText: email }).getByRole('link', { name: 'Ada Lovelace' }).click()
    await expectPage(page, 'Ada Lovelace - User', { heading: 'Ada Lovelace Active' })
    expect(await summaryRows(page)).toEqual([
      'First name: Ada',
      'Last name: Lovelace',
      `Email address: ${email}`,
      'API user: Yes',
      'Last signed in: Never',
    ])
    const history = page.locator('.govuk-summary-card')
    await expect(history.locator('.govuk-summary-card__title')).toHaveText(['User added'])
    await expect(history).toContainText(`By ${demoUser('general-access').name} on`)

    // Back or reload of check answers does not add Ada twice.
    await page.goto('/users/new/check')
    await expectPage(page, 'User details - Add user', { heading: 'User details' })
    await expect(page.getByLabel('First name')).toHaveValue('')
  })

  test('Cancel forgets the answers', async ({ page }) => {
    await signIn(page, 'general-access')
    await page.goto('/users/new')
    await page.getByLabel('First name').fill('Temporary')
    await page.getByRole('link', { name: 'Cancel' }).click()
    await expectPage(page, /Users \(\d+\)/)
    await page.goto('/users/new')
    await expect(page.getByLabel('First name')).toHaveValue('')
  })
})

test.describe('A user added in the service', () => {
  test('signs in with DfE Sign-in, sees what an API user may, and then has their name and email fixed', async ({ browser, page }) => {
    const email = uniqueEmail('kay.newcomer')
    await signIn(page, 'general-access')
    await page.goto('/users/new')
    await page.getByLabel('First name').fill('Kay')
    await page.getByLabel('Last name').fill('Newcomer')
    await page.getByLabel('Email address').fill(email)
    await page.getByRole('radio', { name: 'Yes' }).check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'Save user' }).click()
    await page.getByRole('row').filter({ hasText: email }).getByRole('link', { name: 'Kay Newcomer' }).click()
    await expectPage(page, 'Kay Newcomer - User', { heading: 'Kay Newcomer Active' })
    const kaysPath = new URL(page.url()).pathname
    await expect(page.getByRole('link', { name: 'Change email address' })).toBeVisible()

    const kays = await browser.newContext()
    const kaysPage = await kays.newPage()
    await signInWithDfeSignIn(kaysPage, email.toUpperCase())
    await expect(kaysPage).toHaveURL(/\/api-clients$/)
    await expect(menu(kaysPage).getByRole('link')).toHaveText(['API clients', 'Activity', 'Your account', 'Sign out'])
    await kays.close()

    await page.goto(kaysPath)
    await expect(page.getByRole('link', { name: /^Change/ })).toHaveText(['Change if the account is an API user'])
    expect((await summaryRows(page)).find((row) => row.startsWith('Last signed in'))).toMatch(/^Last signed in: \d{1,2} \w+ \d{4} at /)
  })
})

test.describe('Change a user', () => {
  test('the API user answer changes what the person can see from their next sign-in; their name is fixed once they have signed in', async ({
    browser,
    page,
  }) => {
    const flynn = journeyUser('access-change')
    const flynnsContext = await browser.newContext()
    const flynnsPage = await flynnsContext.newPage()
    await signInWithPassword(flynnsPage, flynn.email)
    await expect(menu(flynnsPage).getByRole('link', { name: 'Users' })).toBeVisible()

    await signIn(page, 'general-access')
    await page.goto(`/users/${flynn.id}`)
    await expectPage(page, `${flynn.name} - User`, { heading: `${flynn.name} Active` })
    // Flynn has signed in (with a password, so nothing comes from DfE Sign-in): only the API user answer can change.
    await expect(page.getByText(/^The name and email address cannot be changed/)).toHaveText(
      'The name and email address cannot be changed because this person has signed in.',
    )
    await expect(page.getByRole('link', { name: /^Change/ })).toHaveText(['Change if the account is an API user'])
    await page.getByRole('link', { name: 'Change if the account is an API user' }).click()
    await expectPage(page, `Change user details - ${flynn.name}`, { heading: 'Change user details' })
    await expect(page.getByLabel('First name')).toHaveCount(0)
    await page.getByRole('radio', { name: 'Yes' }).check()
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expectPage(page, `${flynn.name} - User`, { heading: `${flynn.name} Active` })
    await expectSuccessBanner(page, 'User updated')
    expect(await summaryRows(page)).toContain('API user: Yes')
    await expect(page.locator('.govuk-summary-card').first()).toContainText('Old API user')

    await flynnsPage.goto('/sign-out')
    await signInWithPassword(flynnsPage, flynn.email)
    await expect(menu(flynnsPage).getByRole('link')).toHaveText(['API clients', 'Activity', 'Your account', 'Sign out'])
    const response = await flynnsPage.goto('/users')
    expect(response?.status()).toBe(403)
    await expect(flynnsPage.getByRole('heading', { level: 1 })).toHaveText('You do not have permission to view this page')
    await flynnsPage.goto('/account')
    expect(await summaryRows(flynnsPage)).toContain('Role: API user')
    await flynnsContext.close()
  })

  test('a person who has never signed in can have their name and email changed; saving the same answers changes nothing', async ({ page }) => {
    await signIn(page, 'general-access')
    const email = uniqueEmail('grace.hopper')
    await page.goto('/users/new')
    await page.getByLabel('First name').fill('Grace')
    await page.getByLabel('Last name').fill('Hoper')
    await page.getByLabel('Email address').fill(email)
    await page.getByRole('radio', { name: 'Yes' }).check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'Save user' }).click()
    await page.getByRole('row').filter({ hasText: email }).getByRole('link', { name: 'Grace Hoper' }).click()

    await page.getByRole('link', { name: 'Change last name' }).click()
    await expect(page.getByLabel('Last name')).toHaveValue('Hoper')
    await page.getByLabel('Last name').fill('')
    await page.getByLabel('Email address').fill('grace@example.com')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expectPage(page, 'Change user details - Grace Hoper', { heading: 'Change user details', hasErrors: true })
    await expectErrorSummary(page, [
      'Enter last name',
      'Enter a Department for Education email address in the correct format, like name@education.gov.uk',
    ])
    await page.getByLabel('Last name').fill('Hopper')
    await page.getByLabel('Email address').fill(email)
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expectPage(page, 'Grace Hopper - User', { heading: 'Grace Hopper Active' })
    await expectSuccessBanner(page, 'User updated')
    const update = page.locator('.govuk-summary-card').first()
    await expect(update.locator('.govuk-summary-card__title')).toHaveText('User updated')
    await expect(update).toContainText(/Old name\s*Grace Hoper/)

    await page.getByRole('link', { name: 'Change first name' }).click()
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expectPage(page, 'Grace Hopper - User', { heading: 'Grace Hopper Active' })
    await expectNoSuccessBanner(page)
    await expect(page.locator('.govuk-summary-card__title')).toHaveText(['User updated', 'User added'])
  })
})

test.describe('Deactivate and reactivate a user', () => {
  test('deactivating revokes their active clients: the token is refused next request, the client shows Revoked with its history', async ({
    browser,
    page,
    request,
  }) => {
    const dana = journeyUser('deactivation')
    const token = fixtureToken('deactivation')
    const address = '203.0.113.71'
    expect(await infoStatus(request, token, address)).toBe(200)
    const danasContext = await browser.newContext()
    const danasPage = await danasContext.newPage()
    await signInWithPassword(danasPage, dana.email)
    await expect(menu(danasPage).getByRole('link', { name: 'Sign out' })).toBeVisible()

    await signIn(page, 'general-access')
    await page.goto(`/users/${dana.id}`)
    await page.getByRole('button', { name: 'Deactivate user' }).click()
    await expectPage(page, `Confirm you want to deactivate ${dana.name} - Deactivate user`, {
      heading: `Confirm you want to deactivate ${dana.name}`,
    })
    await expect(page.locator('.govuk-warning-text')).toContainText('Their 1 active API client will be revoked.')
    await page.getByRole('button', { name: 'Deactivate user' }).click()
    await expectPage(page, `${dana.name} - User`, { heading: `${dana.name} Inactive` })
    await expectSuccessBanner(page, 'User deactivated')
    await expect(page.getByRole('button', { name: 'Reactivate user' })).toBeVisible()

    expect(await infoStatus(request, token, address)).toBe(401)
    await danasPage.goto('/api-clients')
    await expectPage(danasPage, 'Your account is not active')

    await page.goto('/activity')
    await expect(page.locator('.govuk-summary-card__title').first()).toBeVisible()
    const revoked = page.locator('.govuk-summary-card').filter({ hasText: 'E2E deactivation' }).first()
    await expect(revoked.locator('.govuk-summary-card__title')).toHaveText('API client revoked')
    // The system revoked it, because its creator was deactivated: the card says so (decision 0018).
    await expect(revoked).toContainText('By the system on')
    await expect(revoked).toContainText(/Reason\s*The user who created it was deactivated/)
    await expect(page.locator('.govuk-summary-card').filter({ hasText: dana.email }).first().locator('.govuk-summary-card__title')).toHaveText(
      'User deactivated',
    )
    await revoked.getByRole('link', { name: 'E2E deactivation' }).click()
    await expectPage(page, 'E2E deactivation - API client', { heading: 'E2E deactivation Revoked' })
    await expect(page.locator('.govuk-summary-card__title')).toHaveText(['API client revoked', 'API client added'])
    await expect(page.getByText(/^Revoked by /)).toHaveText(/^Revoked by System on \d{1,2} [A-Z][a-z]+ \d{4} at /)

    // Reactivating lets Dana in again, but her client stays revoked.
    await page.goto(`/users/${dana.id}`)
    await page.getByRole('button', { name: 'Reactivate user' }).click()
    await expectPage(page, `Confirm you want to reactivate ${dana.name} - Reactivate user`, {
      heading: `Confirm you want to reactivate ${dana.name}`,
    })
    await page.getByRole('button', { name: 'Reactivate user' }).click()
    await expectSuccessBanner(page, 'User reactivated')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${dana.name} Active`)
    await expect(page.locator('.govuk-summary-card__title')).toHaveText(['User reactivated', 'User deactivated', 'User added'])
    expect(await infoStatus(request, token, address)).toBe(401)
    // Deactivation ended Dana's sessions (docs/decisions/0013): her old cookie stays refused, so she signs in again.
    await danasPage.goto('/api-clients')
    await expect(danasPage).toHaveURL(/\/sign-in$/)
    await signInWithPassword(danasPage, dana.email)
    await expect(menu(danasPage).getByRole('link', { name: 'Sign out' })).toBeVisible()
    await danasPage.goto('/api-clients')
    await expect(danasPage.getByRole('row').filter({ hasText: 'E2E deactivation' })).toContainText('Revoked')
    await danasContext.close()
  })

  test('nobody can deactivate or delete themselves, even by replaying a colleague’s form', async ({ browser, page }) => {
    const anne = demoUser('general-access')
    const anneId = seededUserId(anne.email)
    await signIn(page, 'general-access')
    await menu(page).getByRole('link', { name: 'Users' }).click()
    await page.getByRole('link', { name: anne.name }).click()
    await expectPage(page, `${anne.name} - User`, { heading: `${anne.name} Active` })
    await expect(page.locator('.govuk-inset-text')).toHaveText(
      'This is your account. You cannot change your own access, deactivate or delete your account.',
    )
    await expect(page.getByRole('button', { name: 'Deactivate user' })).toHaveCount(0)
    await expect(page.getByRole('link', { name: 'Delete user' })).toHaveCount(0)
    await expect(page.getByRole('link', { name: /^Change/ })).toHaveCount(0)

    await page.goto(`/users/${anneId}/deactivate`)
    await expectPage(page, 'You cannot deactivate your own account')
    await page.goto(`/users/${anneId}/delete`)
    await expectPage(page, 'You cannot delete your own account')
    await page.goto(`/users/${anneId}/edit`)
    await expectPage(page, `${anne.name} - User`, { heading: `${anne.name} Active` })

    // Mohammed's confirmation forms for Anne, posted by Anne herself.
    const colleague = await browser.newContext()
    const colleaguesPage = await colleague.newPage()
    await signIn(colleaguesPage, 'general-access-2')
    for (const [path, button] of [
      [`/users/${anneId}/deactivate`, 'Deactivate user'],
      [`/users/${anneId}/delete`, 'Delete user'],
    ] as const) {
      await colleaguesPage.goto(path)
      const form = colleaguesPage.locator('form').filter({ has: colleaguesPage.getByRole('button', { name: button }) })
      const fields = Object.fromEntries(
        await form.evaluate((element) => [...new FormData(element as HTMLFormElement)].map(([key, value]) => [key, String(value)])),
      )
      const response = await page.request.post(path, { multipart: fields, headers: { Origin: new URL(page.url()).origin, Accept: 'text/html' } })
      expect(new URL(response.url()).pathname).toBe(path)
    }
    await colleague.close()
    await page.goto(`/users/${anneId}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${anne.name} Active`)
    await expect(page.locator('.govuk-summary-card__title')).toHaveCount(0)
  })
})

test.describe('Delete a user', () => {
  test('deletes the user and their clients, whose tokens stop working; the history stays', async ({ page, request }) => {
    const della = journeyUser('deletion')
    const token = fixtureToken('deletion')
    const address = '203.0.113.72'
    expect(await infoStatus(request, token, address)).toBe(200)

    await signIn(page, 'general-access')
    await page.goto(`/users/${della.id}`)
    await page.getByRole('link', { name: 'Delete user' }).click()
    await expectPage(page, `Confirm you want to delete ${della.name} - Delete user`, { heading: `Confirm you want to delete ${della.name}` })
    await expect(page.locator('.govuk-warning-text')).toContainText('Deleting a user cannot be undone.')
    await expect(page.getByText('Their 1 API client will be deleted and their tokens will stop working.')).toBeVisible()
    await page.getByRole('button', { name: 'Delete user' }).click()
    await expectPage(page, /Users \(\d+\)/)
    await expectSuccessBanner(page, 'User deleted')
    await expect(page.getByRole('link', { name: della.name })).toHaveCount(0)

    expect(await infoStatus(request, token, address)).toBe(401)
    expect((await page.goto(`/users/${della.id}`))?.status()).toBe(404)
    await page.goto('/api-clients')
    await expect(page.getByRole('link', { name: 'E2E deletion' })).toHaveCount(0)
    await page.goto('/activity')
    await expect(page.locator('.govuk-summary-card').filter({ hasText: della.email }).first().locator('.govuk-summary-card__title')).toHaveText(
      'User deleted',
    )
    await expect(page.locator('.govuk-summary-card').filter({ hasText: 'E2E deletion' }).first().locator('.govuk-summary-card__title')).toHaveText(
      'API client deleted',
    )
    // Deleted records' items stay, without links to pages that are gone.
    await expect(page.getByRole('link', { name: della.name })).toHaveCount(0)
  })
})

test.describe('Users without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('add a user, then deactivate and delete another', async ({ page, request }) => {
    const nora = journeyUser('no-javascript')
    const email = uniqueEmail('no.script')
    await signIn(page, 'general-access')
    await page.goto('/users/new')
    await page.getByRole('button', { name: 'Continue' }).click()
    await expectPage(page, 'User details - Add user', { heading: 'User details', hasErrors: true })
    await expectErrorSummary(page, ['Enter first name', 'Enter last name', 'Enter email address', 'Select if the account is an API user'])
    await page.getByLabel('First name').fill('Noah')
    await page.getByLabel('Last name').fill('Script')
    await page.getByLabel('Email address').fill(email)
    await page.getByRole('radio', { name: 'No' }).check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await expectPage(page, 'Check your answers - Add user', { heading: 'Check your answers' })
    await page.getByRole('button', { name: 'Save user' }).click()
    await expectPage(page, /Users \(\d+\)/)
    await expectSuccessBanner(page, 'User added')

    await page.goto(`/users/${nora.id}/deactivate`)
    await page.getByRole('button', { name: 'Deactivate user' }).click()
    await expectPage(page, `${nora.name} - User`, { heading: `${nora.name} Inactive` })
    await expectSuccessBanner(page, 'User deactivated')
    expect(await infoStatus(request, fixtureToken('no-javascript'), '203.0.113.73')).toBe(401)
    await page.getByRole('link', { name: 'Delete user' }).click()
    await page.getByRole('button', { name: 'Delete user' }).click()
    await expectPage(page, /Users \(\d+\)/)
    await expectSuccessBanner(page, 'User deleted')
  })
})
