import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { addDays, formatDate, ukDate } from '@/lib/dates'
import { parseCsv } from '@/test/csv'
import { expectErrorSummary, expectPage } from './support/pages'
import { demoUser, signIn } from './support/sign-in'
import { expect, test } from './support/test'

// The run's history may be more than one page long.
const activityTitle = /Activity(?: \(page 1 of \d+\))?/

/** Types a date into the From or To date input. */
async function fillDate(page: Page, legend: 'From' | 'To', isoDate: string) {
  const [year = '', month = '', day = ''] = isoDate.split('-')
  const group = page.getByRole('group', { name: legend })
  await group.getByLabel('Day').fill(String(Number(day)))
  await group.getByLabel('Month').fill(String(Number(month)))
  await group.getByLabel('Year').fill(year)
}

/** Downloads yesterday to today (the run's fixtures were made today) and reads the file as a spreadsheet would. */
async function downloadRecentActivity(page: Page): Promise<{ name: string; text: string; rows: string[][] }> {
  const today = ukDate(new Date())
  const yesterday = addDays(today, -1)
  await page.goto('/activity')
  await expectPage(page, activityTitle, { heading: 'Activity' })
  await expect(page.getByRole('heading', { level: 2, name: 'Download as CSV' })).toBeVisible()
  await fillDate(page, 'From', yesterday)
  await fillDate(page, 'To', today)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as CSV' }).click()])
  expect(download.suggestedFilename()).toBe(`activity-${yesterday}-to-${today}.csv`)
  const text = await readFile(await download.path(), 'utf8')
  return { name: download.suggestedFilename(), text, rows: parseCsv(text) }
}

function checkDownload({ text, rows }: { text: string; rows: string[][] }) {
  expect(text.startsWith('\uFEFFTime (UTC),Type,ID,Name,Revision,Action,By,Changes\r\n')).toBe(true)
  // The run's fixtures added Anne's clients today (scripts/e2e-fixtures.ts).
  expect(rows).toContainEqual(expect.arrayContaining(['API client', 'E2E active-1', '1', 'API client added', demoUser('general-access').name]))
  for (const row of rows.slice(1)) expect(row[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
}

test.describe('Download activity as CSV', () => {
  test('downloads the chosen UK days as a spreadsheet', async ({ page }) => {
    await signIn(page, 'general-access')
    checkDownload(await downloadRecentActivity(page))
  })

  test('says what is wrong with the dates, and downloads nothing', async ({ page }) => {
    await signIn(page, 'general-access')
    await page.goto('/activity')
    await page.getByRole('button', { name: 'Download as CSV' }).click()
    await expect(page).toHaveURL(/\/activity\?from-day=&/)
    await expectPage(page, activityTitle, { heading: 'Activity', hasErrors: true })
    await expectErrorSummary(page, ['Enter the from date', 'Enter the to date'])
    await expect(page.getByRole('group', { name: 'From' })).toContainText('Error: Enter the from date')

    const today = ukDate(new Date())
    await fillDate(page, 'From', today)
    await fillDate(page, 'To', addDays(today, -1))
    await page.getByRole('button', { name: 'Download as CSV' }).click()
    await expectPage(page, activityTitle, { heading: 'Activity', hasErrors: true })
    await expectErrorSummary(page, [`To date must be the same as or after ${formatDate(today)}`])
    // What was typed is kept.
    await expect(page.getByRole('group', { name: 'To' }).getByLabel('Year')).toHaveValue(addDays(today, -1).slice(0, 4))

    await fillDate(page, 'From', addDays(today, 1))
    await page.getByRole('button', { name: 'Download as CSV' }).click()
    await expectErrorSummary(page, ['From date must be today or in the past'])
    await expect(page.getByRole('link', { name: 'From date must be today or in the past' })).toHaveAttribute('href', '#from-day')
  })

  test('gives an API-only user only their own clients’ rows', async ({ page }) => {
    await signIn(page, 'api-only')
    const { rows } = await downloadRecentActivity(page)
    expect(rows.slice(1).some((row) => row[3] === 'E2E active-1')).toBe(false)
    expect(rows.slice(1).every((row) => row[1] === 'API client')).toBe(true)
  })
})

test.describe('Download activity as CSV without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('downloads from the GET form, and shows date errors', async ({ page }) => {
    await signIn(page, 'general-access')
    checkDownload(await downloadRecentActivity(page))
    await page.getByRole('group', { name: 'From' }).getByLabel('Day').fill('31')
    await page.getByRole('group', { name: 'From' }).getByLabel('Month').fill('2')
    await page.getByRole('button', { name: 'Download as CSV' }).click()
    await expectPage(page, activityTitle, { heading: 'Activity', hasErrors: true })
    await expectErrorSummary(page, ['From date must be a real date'])
  })
})
