import { randomUUID } from 'node:crypto'
import { expect, type Page } from '@playwright/test'
import { addDays, addMonths, formatDate, ukDate } from '@/lib/dates'
import { e2eEnvironment } from '../support/environment'
import { expectPage } from '../support/pages'

/** What a person types into the expiry date input. */
export type TypedDate = { day: string; month: string; year: string }

/** One of the date input's parts. */
export type DatePart = keyof TypedDate

/** Today in the UK, as the server computes it (lib/dates.ts), and the allowed range for an expiry date. */
export function expiryRange(): { today: string; earliest: string; latest: string } {
  const today = ukDate(new Date())
  return { today, earliest: addDays(today, 1), latest: addMonths(today, 12) }
}

/** An ISO date as typed into the date input: `2027-03-05` → 5, 3, 2027. */
export function typed(isoDate: string): TypedDate {
  const [year = '', month = '', day = ''] = isoDate.split('-')
  return { day: String(Number(day)), month: String(Number(month)), year }
}

/** A valid expiry date six months ahead: clear of both ends of the range whatever the time of day. */
export function expiryInSixMonths(): { typed: TypedDate; shown: string } {
  const date = addMonths(expiryRange().today, 6)
  return { typed: typed(date), shown: formatDate(date) }
}

/** A client name no other journey (or earlier run on the same database) uses. */
export function uniqueClientName(label: string): string {
  return `${label} ${randomUUID().slice(0, 8)}`
}

// The journeys' server sets no TOKEN_ENVIRONMENT unless e2e/support/environment.ts does; production mode then means `live`.
const environmentWord = e2eEnvironment('0').TOKEN_ENVIRONMENT ?? 'live'

/** A whole token as docs/product/tokens.md shapes it, in the journeys' token environment. */
export const tokenPattern = new RegExp(`^rotp_${environmentWord}_[0-9A-Za-z]{49}$`)

/** The Client details form's fields. */
export function clientDetailsFields(page: Page) {
  const date = page.getByRole('group', { name: 'Expiry date' })
  return {
    name: page.getByLabel('Client name'),
    day: date.getByLabel('Day', { exact: true }),
    month: date.getByLabel('Month', { exact: true }),
    year: date.getByLabel('Year', { exact: true }),
  }
}

/** Fills in Client details and presses Continue. */
export async function submitClientDetails(page: Page, name: string, date: TypedDate): Promise<void> {
  const fields = clientDetailsFields(page)
  await fields.name.fill(name)
  await fields.day.fill(date.day)
  await fields.month.fill(date.month)
  await fields.year.fill(date.year)
  await page.getByRole('button', { name: 'Continue' }).click()
}

/** Asserts the Client details page (step 1), with or without errors. */
export async function expectClientDetailsPage(page: Page, options: { hasErrors?: boolean } = {}): Promise<void> {
  await expectPage(page, 'Client details - Add API client', { ...options, heading: 'Client details' })
  await expect(page.getByText('Add API client', { exact: true })).toBeVisible()
}

/** Asserts the Check your answers page with these answers. */
export async function expectCheckAnswers(page: Page, name: string, shownDate: string, allowedAddresses = 'Any address'): Promise<void> {
  await expect(page).toHaveURL(/\/api-clients\/new\/check$/)
  await expectPage(page, 'Check your answers - Add API client', { heading: 'Check your answers' })
  await expect(page.getByRole('link', { name: 'Cancel' })).toHaveAttribute('href', '/api-clients/new/cancel')
  await expect(page.getByText('Add API client', { exact: true })).toBeVisible()
  const answers = page.locator('.govuk-summary-list')
  await expect(answers.locator('dt')).toHaveText(['Client name', 'Expiry date', 'Allowed IP addresses'])
  await expect(answers.locator('.govuk-summary-list__value')).toHaveText([name, shownDate, allowedAddresses])
  await expect(answers.getByRole('link')).toHaveText(['Change client name', 'Change expiry date', 'Change allowed IP addresses'])
  await expect(page.getByText('An authentication token will be created and shown once on the next page.')).toBeVisible()
}

/** Asserts the date error next to the question, and that exactly these parts are highlighted. */
export async function expectDateError(page: Page, message: string, marked: DatePart[]): Promise<void> {
  await expect(page.locator('#expiry-date-error')).toHaveText(`Error: ${message}`)
  const fields = clientDetailsFields(page)
  for (const part of ['day', 'month', 'year'] as const) {
    if (marked.includes(part)) await expect(fields[part]).toHaveClass(/govuk-input--error/)
    else await expect(fields[part]).not.toHaveClass(/govuk-input--error/)
  }
}
