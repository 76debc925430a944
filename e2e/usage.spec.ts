import type { Page } from '@playwright/test'
import { formatDate, formatShortDate, ukDate } from '@/lib/dates'
import { distinctAddress, getInfo, sendMany } from './api/api-requests'
import { addApiClient, expectListed } from './pages/add-api-client-journey'
import { uniqueClientName } from './pages/add-api-client'
import { expectClientPage, summaryRows } from './pages/manage-api-client-page'
import { signIn } from './support/sign-in'
import { expect, test } from './support/test'

/** The client's row in the API clients list, paging on as a person would (other journeys add clients meanwhile). */
async function listRow(page: Page, name: string, status: 'Active' | 'Revoked') {
  await page.goto('/api-clients')
  await expectListed(page, name, status)
  return page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) })
}

const usage = (page: Page) => page.getByRole('region', { name: 'Usage' })

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'Usage' : 'Usage without JavaScript', () => {
    test.use({ javaScriptEnabled })

    test('a client’s requests show on its page as totals, a bar chart and a table, and its last use on the list', async ({ page, request }) => {
      // It waits up to two flushes of the counts, on top of a dozen pages checked with axe.
      test.setTimeout(120_000)
      // Priya (an API user) sees only her own clients, so the list she pages through stays short.
      await signIn(page, 'api-only')
      const name = uniqueClientName(javaScriptEnabled ? 'Usage' : 'Usage no JS')
      const token = await addApiClient(page, name)
      const row = await listRow(page, name, 'Active')
      await expect(row.getByRole('cell').last()).toHaveText('Never')
      await row.getByRole('link', { name, exact: true }).click()
      await expectClientPage(page, name, 'Active')
      await expect(usage(page).getByText('There have been no requests in the last 30 days.')).toBeVisible()
      await expect(usage(page).getByRole('img')).toHaveCount(0)

      const address = distinctAddress()
      expect((await sendMany(6, () => getInfo(request, address, token))).map((response) => response.status())).toEqual(Array(6).fill(200))
      const clientPage = page.url()
      await page.getByRole('button', { name: 'Revoke API client' }).click()
      await page.getByRole('button', { name: 'Revoke API client' }).click()
      await expectClientPage(page, name, 'Revoked')
      expect((await sendMany(2, () => getInfo(request, address, token))).map((response) => response.status())).toEqual([401, 401])

      // Counts reach the database in batches, at most every 10 s (plus a tick), so the 6 may show before
      // the 2: the page is read again until the week's total has both.
      const lastWeek = usage(page).locator('.govuk-summary-list__value').first()
      await expect
        .poll(
          async () => {
            await page.goto(clientPage)
            return (await lastWeek.count()) > 0 ? lastWeek.innerText() : ''
          },
          { timeout: 30_000 },
        )
        .toBe('8 requests: 6 succeeded, 0 rate limited, 2 refused')
      await expectClientPage(page, name, 'Revoked')
      const today = ukDate(new Date())
      const section = usage(page)
      await expect(section.getByRole('heading', { level: 2 })).toHaveText('Usage')
      expect(await summaryRows(section.locator('.govuk-summary-list'))).toEqual([
        ['Last 7 days', '8 requests: 6 succeeded, 0 rate limited, 2 refused'],
        ['Last 30 days', '8 requests: 6 succeeded, 0 rate limited, 2 refused'],
      ])
      const chart = section.getByRole('img')
      await expect(chart).toHaveAccessibleName(
        new RegExp(`^Bar chart of requests a day from \\d{1,2} \\w+ \\d{4} to ${formatDate(today)}: 8 in all, the most on ${formatDate(today)} \\(8\\)\\.$`),
      )
      const table = section.getByRole('table', { name: 'Requests by day, last 30 days' })
      await expect(table.getByRole('columnheader')).toHaveText(['Date', 'Succeeded', 'Rate limited', 'Refused'])
      await expect(table.getByRole('row')).toHaveCount(2)
      await expect(table.getByRole('row').nth(1).getByRole('rowheader')).toHaveText(formatDate(today))
      await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveText(['6', '0', '2'])

      const listed = await listRow(page, name, 'Revoked')
      await expect(listed.getByRole('cell').last()).toHaveText(formatShortDate(today))
      await page.context().clearCookies()
    })
  })
}
