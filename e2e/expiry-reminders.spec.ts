import type { APIRequestContext, Page } from '@playwright/test'
import { addDays, formatDate } from '@/lib/dates'
import { whatToDo } from '@/lib/reminders/words'
import type { StandInMessage } from '../scripts/notify-stand-in/server'
import { expect, test } from './support/test'
import { e2eEnvironment, notifyStandInPort, standInNotify } from './support/environment'
import { expectPage } from './support/pages'
import { demoUser, signIn, type DemoRole } from './support/sign-in'
import { expectListed } from './pages/add-api-client-journey'
import { expiryRange, typed, uniqueClientName } from './pages/add-api-client'
import { activityCard, dateTimePattern, expectClientPage, expectHistory, summaryRows } from './pages/manage-api-client-page'

const port = process.env.E2E_PORT ?? '3100'
const standIn = `http://127.0.0.1:${notifyStandInPort(port)}`
const serviceUrl = e2eEnvironment(port).NEXTAUTH_URL ?? ''

// The server checks for due reminders every 2 seconds in the journeys (e2e/support/environment.ts).
test.describe.configure({ timeout: 120_000 })

/** Adds a client that expires in 7 days through the Add pages; returns its id and expiry date. */
async function addClientExpiringInAWeek(page: Page, name: string): Promise<{ id: string; expiresOn: string }> {
  const expiresOn = addDays(expiryRange().today, 7)
  await page.goto('/api-clients/new')
  await page.getByLabel('Client name').fill(name)
  const date = page.getByRole('group', { name: /Expiry date/ })
  const parts = typed(expiresOn)
  await date.getByLabel('Day').fill(parts.day)
  await date.getByLabel('Month').fill(parts.month)
  await date.getByLabel('Year').fill(parts.year)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'Save API client' }).click()
  await expectPage(page, 'API client token created')
  await page.getByRole('link', { name: 'Back to API clients' }).click()
  await expectListed(page, name, 'Expires soon')
  await page.getByRole('link', { name, exact: true }).click()
  await expect(page).toHaveURL(/\/api-clients\/[0-9a-f-]{36}$/)
  return { id: new URL(page.url()).pathname.split('/').pop() ?? '', expiresOn }
}

/** The e-mail the stand-in took for this client, once the scheduler has sent it. */
async function reminderFor(request: APIRequestContext, name: string): Promise<StandInMessage> {
  let found: StandInMessage | undefined
  await expect
    .poll(
      async () => {
        const { messages } = (await (await request.get(`${standIn}/_test/messages`)).json()) as { messages: StandInMessage[] }
        found = messages.find((message) => message.personalisation.client_name === name)
        return messages.filter((message) => message.personalisation.client_name === name).length
      },
      { timeout: 30_000, message: `no reminder for ${name}` },
    )
    .toBe(1)
  if (!found) throw new Error('unreachable')
  return found
}

async function remindsTheCreator(page: Page, request: APIRequestContext, role: DemoRole, label: string): Promise<void> {
  const person = demoUser(role)
  await signIn(page, role)
  const name = uniqueClientName(label)
  const { id, expiresOn } = await addClientExpiringInAWeek(page, name)
  await expectClientPage(page, name, 'Expires soon')

  const message = await reminderFor(request, name)
  expect(message).toMatchObject({
    templateId: standInNotify.templates.expiresSoon,
    emailAddress: person.email,
    personalisation: {
      first_name: person.firstName,
      client_name: name,
      expiry_date: formatDate(expiresOn),
      client_url: `${serviceUrl}/api-clients/${id}`,
      what_to_do: whatToDo.expiresSoon,
    },
  })

  // The e-mail's link leads to the client's page, whose history now says who was told.
  await page.goto(String(message.personalisation.client_url))
  await expectClientPage(page, name, 'Expires soon')
  const title = `Expiry reminder sent to ${person.name}`
  await expectHistory(page, [title, 'API client added'])
  const card = activityCard(page, title)
  expect(await summaryRows(card)).toEqual([
    ['Client name', name],
    ['Expiry date', formatDate(expiresOn)],
  ])
  await expect(card.getByText(/^By /)).toHaveText(new RegExp(`^By the system on ${dateTimePattern}$`))

  // Only once, however many runs come after.
  await page.waitForTimeout(5_000)
  await reminderFor(request, name)
  await page.reload()
  await expectHistory(page, [title, 'API client added'])
  // Signing out would end the demo person's sessions in other journeys.
  await page.context().clearCookies()
}

test.describe('Expiry reminders', () => {
  test('a client that expires in 7 days is tagged, its creator is e-mailed once, and its history says so', async ({ page, request }) => {
    await remindsTheCreator(page, request, 'api-only', 'Reminded')
  })
})

test.describe('Expiry reminders without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the tag, the e-mail and the history item', async ({ page, request }) => {
    await remindsTheCreator(page, request, 'general-access-2', 'Reminded without JavaScript')
  })
})
