import type { APIResponse, Browser, BrowserContext, Page } from '@playwright/test'
import { ukDate } from '@/lib/dates'
import { baseURL } from '../playwright.config'
import { addApiClient, uniqueClientName } from './pages/manage-api-client-setup'
import { seededUserId, sessionCookieFor } from './support/fixtures'
import { journeyUsers } from './support/journey-users'
import { demoUser, signIn, type DemoRole } from './support/sign-in'
import { expect, test } from './support/test'

type Actor = 'signed-out' | 'general-access' | 'owner' | 'non-owner' | 'inactive'
type Outcome = 200 | 403 | 404 | 'sign-in' | 'not-active'

const actors: Actor[] = ['signed-out', 'general-access', 'owner', 'non-owner', 'inactive']
const roles: Record<'general-access' | 'owner' | 'non-owner', DemoRole> = {
  'general-access': 'general-access',
  owner: 'api-only',
  'non-owner': 'api-only-2',
}

/** A browser context for each kind of visitor; the inactive one holds a session issued before deactivation. */
async function contextFor(browser: Browser, actor: Actor): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL })
  if (actor === 'inactive') {
    const rhys = demoUser('inactive')
    await context.addCookies([await sessionCookieFor(rhys.email, rhys.name)])
  } else if (actor !== 'signed-out') {
    const page = await context.newPage()
    await signIn(page, roles[actor])
    await page.close()
  }
  return context
}

/** What a response amounts to, after following redirects. */
function outcomeOf(response: APIResponse): Outcome | number {
  const url = new URL(response.url())
  if (url.pathname === '/sign-in') return 'sign-in'
  if (url.pathname === '/account-not-active') return 'not-active'
  return response.status()
}

/** The Activity download of today's changes (UK time), as its GET form asks for it. */
function activityDownloadPath(): string {
  const [year = '', month = '', day = ''] = ukDate(new Date()).split('-')
  const date = (prefix: string) => ({ [`${prefix}-day`]: day, [`${prefix}-month`]: month, [`${prefix}-year`]: year })
  return `/activity/download?${new URLSearchParams({ ...date('from'), ...date('to') }).toString()}`
}

/** Who may see what: [path, expected outcome for general access, owner, non-owner]. */
function pagesToWalk(id: string): [string, Outcome, Outcome, Outcome][] {
  return [
    ['/api-clients', 200, 200, 200],
    ['/api-clients/new', 200, 200, 200],
    ['/api-clients/new/check', 200, 200, 200],
    ['/activity', 200, 200, 200],
    [activityDownloadPath(), 200, 200, 200],
    ['/api-clients?q=Walk', 200, 200, 200],
    ['/account', 200, 200, 200],
    ['/users', 200, 403, 403],
    [`/api-clients/${id}`, 200, 200, 404],
    [`/api-clients/${id}/edit`, 200, 200, 404],
    [`/api-clients/${id}/check`, 200, 200, 404],
    [`/api-clients/${id}/allowed-addresses`, 200, 200, 404],
    [`/api-clients/${id}/regenerate`, 200, 200, 404],
    // Without a choice from step 1 the check page goes to the client's page: 200 for whoever may see it.
    [`/api-clients/${id}/regenerate/check`, 200, 200, 404],
    [`/api-clients/${id}/revoke`, 200, 200, 404],
    [`/api-clients/${id}/delete`, 200, 200, 404],
    ['/api-clients/00000000-0000-4000-8000-000000000000', 404, 404, 404],
    ['/api-clients/not-an-id/edit', 404, 404, 404],
  ]
}

/**
 * GETs each page as each kind of visitor: what happened, and what should have, one line per visit. The
 * signed-out visitor is always sent to sign in and the deactivated one to the "not active" page.
 */
async function walk(contexts: Map<Actor, BrowserContext>, pages: [string, Outcome, Outcome, Outcome][]) {
  const results: string[] = []
  const expected: string[] = []
  for (const [path, general, owner, nonOwner] of pages) {
    const wanted: Record<Actor, Outcome> = {
      'signed-out': 'sign-in',
      inactive: 'not-active',
      'general-access': general,
      owner,
      'non-owner': nonOwner,
    }
    for (const actor of actors) {
      const response = await (contexts.get(actor) as BrowserContext).request.get(path)
      results.push(`${actor} GET ${path} → ${outcomeOf(response)}`)
      expected.push(`${actor} GET ${path} → ${wanted[actor]}`)
    }
  }
  return { results, expected }
}

/** The fields a person's browser would post for the form with this button, hidden action fields included. */
async function formFields(page: Page, path: string, button: string): Promise<Record<string, string>> {
  await page.goto(path)
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: button }) })
  const entries = await form.evaluate((element) => [...new FormData(element as HTMLFormElement)].map(([key, value]) => [key, String(value)]))
  return Object.fromEntries(entries)
}

/** Posts a captured form as another person would replay it: same fields, same page, their own cookies. */
function replay(context: BrowserContext, path: string, fields: Record<string, string>): Promise<APIResponse> {
  return context.request.post(path, { multipart: fields, headers: { Origin: baseURL, Accept: 'text/html' } })
}

/** The client as its owner sees it: status tag and history titles. */
async function ownersView(page: Page, id: string): Promise<{ heading: string; history: string[] }> {
  await page.goto(`/api-clients/${id}`)
  const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? ''
  const history = await page.locator('.govuk-summary-card__title').allTextContents()
  return { heading: heading.replace(/\s+/g, ' ').trim(), history }
}

test.describe('Authorisation of every API client page and action', () => {
  test.describe.configure({ mode: 'serial' })
  const contexts = new Map<Actor, BrowserContext>()
  let clientId = ''
  let clientName = ''

  test.beforeAll(async ({ browser }) => {
    for (const actor of actors) contexts.set(actor, await contextFor(browser, actor))
    const ownerPage = await (contexts.get('owner') as BrowserContext).newPage()
    clientName = uniqueClientName('Walk')
    clientId = (await addApiClient(ownerPage, clientName)).id
    await ownerPage.close()
  })

  test.afterAll(async () => {
    for (const context of contexts.values()) await context.close()
  })

  test('every page answers each kind of visitor as it should', async () => {
    const { results, expected } = await walk(contexts, pagesToWalk(clientId))
    expect(results).toEqual(expected)
  })

  test('the activity download gives the owner and general access the client’s rows, and anyone else none', async () => {
    const names: Record<string, boolean> = {}
    for (const actor of ['general-access', 'owner', 'non-owner'] as const) {
      const response = await (contexts.get(actor) as BrowserContext).request.get(activityDownloadPath())
      expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8')
      names[actor] = (await response.text()).includes(clientName)
    }
    expect(names).toEqual({ 'general-access': true, owner: true, 'non-owner': false })
  })

  test('replayed forms change nothing for people who may not use them', async () => {
    const ownerPage = await (contexts.get('owner') as BrowserContext).newPage()
    const before = await ownersView(ownerPage, clientId)
    const forms: { path: string; button: string; change: Record<string, string> }[] = [
      { path: `/api-clients/${clientId}/edit`, button: 'Continue', change: { name: 'Taken over' } },
      { path: `/api-clients/${clientId}/allowed-addresses`, button: 'Save changes', change: { 'allowed-addresses': '203.0.113.7' } },
      { path: `/api-clients/${clientId}/regenerate`, button: 'Continue', change: { overlap: 'immediately' } },
      { path: `/api-clients/${clientId}/revoke`, button: 'Revoke API client', change: {} },
      { path: `/api-clients/${clientId}/delete`, button: 'Delete API client', change: {} },
    ]
    const outcomes: string[] = []
    // The Regenerate token button is on the check page only once the owner has chosen an overlap.
    await ownerPage.goto(`/api-clients/${clientId}/regenerate`)
    await ownerPage.getByRole('radio', { name: 'Immediately' }).check()
    await ownerPage.getByRole('button', { name: 'Continue' }).click()
    await expect(ownerPage.getByRole('button', { name: 'Regenerate token' })).toBeVisible()
    forms.push({ path: `/api-clients/${clientId}/regenerate/check`, button: 'Regenerate token', change: {} })
    for (const form of forms) {
      const fields = { ...(await formFields(ownerPage, form.path, form.button)), ...form.change }
      for (const actor of ['signed-out', 'non-owner', 'inactive'] as const) {
        const response = await replay(contexts.get(actor) as BrowserContext, form.path, fields)
        outcomes.push(`${actor} POST ${form.path} → ${outcomeOf(response)}`)
      }
    }
    expect(outcomes).toEqual(
      forms.flatMap((form) => [
        `signed-out POST ${form.path} → sign-in`,
        `non-owner POST ${form.path} → 404`,
        `inactive POST ${form.path} → not-active`,
      ]),
    )
    expect(await ownersView(ownerPage, clientId)).toEqual(before)
    await ownerPage.close()
  })

  test('the same replay works for someone who may use it, so the refusals above are real', async () => {
    const ownerPage = await (contexts.get('owner') as BrowserContext).newPage()
    const fields = await formFields(ownerPage, `/api-clients/${clientId}/revoke`, 'Revoke API client')
    const response = await replay(contexts.get('general-access') as BrowserContext, `/api-clients/${clientId}/revoke`, fields)
    expect(outcomeOf(response)).toBe(200)
    const after = await ownersView(ownerPage, clientId)
    expect(after.heading).toBe(`${clientName} Revoked`)
    expect(after.history[0]).toBe('API client revoked')
    await ownerPage.close()
  })
})

/** Who may see the Users pages: general access only; API-only users get the 403 page for every one. */
function usersPagesToWalk(id: string): [string, Outcome, Outcome, Outcome][] {
  const unknown = '00000000-0000-4000-8000-000000000000'
  return [
    ['/users', 200, 403, 403],
    ['/users?page=2', 404, 403, 403],
    ['/users/new', 200, 403, 403],
    ['/users/new/check', 200, 403, 403],
    ['/users/new/cancel', 200, 403, 403],
    [`/users/${id}`, 200, 403, 403],
    [`/users/${id}/edit`, 200, 403, 403],
    [`/users/${id}/deactivate`, 200, 403, 403],
    [`/users/${id}/reactivate`, 200, 403, 403],
    [`/users/${id}/delete`, 200, 403, 403],
    [`/users/${unknown}`, 404, 403, 403],
    [`/users/${unknown}/delete`, 404, 403, 403],
    ['/users/not-an-id/edit', 404, 403, 403],
  ]
}

/** A user as a general-access person sees them: heading (name and status tag) and history titles. */
async function usersView(page: Page, id: string): Promise<{ heading: string; history: string[] }> {
  await page.goto(`/users/${id}`)
  const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? ''
  const history = await page.locator('.govuk-summary-card__title').allTextContents()
  return { heading: heading.replace(/\s+/g, ' ').trim(), history }
}

test.describe('Authorisation of every Users page and action', () => {
  test.describe.configure({ mode: 'serial' })
  const contexts = new Map<Actor, BrowserContext>()
  const target = journeyUsers['walk-target']
  const targetName = `${target.firstName} ${target.lastName}`
  let targetId = ''

  test.beforeAll(async ({ browser }) => {
    targetId = seededUserId(target.email)
    for (const actor of actors) contexts.set(actor, await contextFor(browser, actor))
  })

  test.afterAll(async () => {
    for (const context of contexts.values()) await context.close()
  })

  test('every page answers each kind of visitor as it should', async () => {
    const { results, expected } = await walk(contexts, usersPagesToWalk(targetId))
    expect(results).toEqual(expected)
  })

  test('replayed forms change nothing for API-only, signed-out or deactivated people', async () => {
    const generalPage = await (contexts.get('general-access') as BrowserContext).newPage()
    const before = await usersView(generalPage, targetId)
    expect(before.heading).toBe(`${targetName} Active`)
    const forms: { path: string; button: string; change: Record<string, string> }[] = [
      {
        path: '/users/new',
        button: 'Continue',
        change: { 'first-name': 'Mallory', 'last-name': 'Intruder', email: 'mallory@education.gov.uk', 'api-user': 'no' },
      },
      { path: `/users/${targetId}/edit`, button: 'Save changes', change: { 'first-name': 'Taken', 'api-user': 'no' } },
      { path: `/users/${targetId}/deactivate`, button: 'Deactivate user', change: {} },
      { path: `/users/${targetId}/delete`, button: 'Delete user', change: {} },
    ]
    const outcomes: string[] = []
    for (const form of forms) {
      const fields = { ...(await formFields(generalPage, form.path, form.button)), ...form.change }
      for (const actor of ['signed-out', 'owner', 'non-owner', 'inactive'] as const) {
        const response = await replay(contexts.get(actor) as BrowserContext, form.path, fields)
        outcomes.push(`${actor} POST ${form.path} → ${outcomeOf(response)}`)
      }
    }
    expect(outcomes).toEqual(
      forms.flatMap((form) => [
        `signed-out POST ${form.path} → sign-in`,
        `owner POST ${form.path} → 403`,
        `non-owner POST ${form.path} → 403`,
        `inactive POST ${form.path} → not-active`,
      ]),
    )
    expect(await usersView(generalPage, targetId)).toEqual(before)
    await generalPage.close()
  })

  test('the same replay works for a general-access user, so the refusals above are real', async () => {
    const generalPage = await (contexts.get('general-access') as BrowserContext).newPage()
    const fields = await formFields(generalPage, `/users/${targetId}/deactivate`, 'Deactivate user')
    const response = await replay(contexts.get('general-access') as BrowserContext, `/users/${targetId}/deactivate`, fields)
    expect(outcomeOf(response)).toBe(200)
    const after = await usersView(generalPage, targetId)
    expect(after.heading).toBe(`${targetName} Inactive`)
    expect(after.history[0]).toBe('User deactivated')
    await generalPage.close()
  })
})
