import type { Page } from '@playwright/test'
import { expectNoAccessibilityViolations } from './support/pages'
import { signIn } from './support/sign-in'
import { expect, test } from './support/test'

/**
 * WCAG 1.4.10 Reflow and 1.4.4 Resize text: at 320 CSS pixels wide, and there with text at 200%, no page
 * scrolls sideways; only a table may, inside its own focusable region (components/table-region.tsx). Text at
 * 200% is the browser's own font-size setting raised from 16 to 32 pixels, as a person does in Chrome's
 * settings: GOV.UK Frontend sizes text in rem, so all of it doubles (docs/decisions/0016).
 */
// Every page with a table, and the other lists and longer pages.
const pagesToCheck = [
  { path: '/api-clients', tables: ['API clients'] },
  { path: '/users', tables: ['Users'] },
  { path: '/activity', tables: [] },
  {
    path: '/api-docs',
    tables: ['Query parameters, all optional', 'Error responses', 'This environment', 'Changes to the API, newest first'],
  },
  { path: '/cookies', tables: ['Essential cookies we use'] },
  { path: '/accessibility', tables: [] },
  { path: '/account', tables: [] },
]

/**
 * Sets Chromium's default font sizes (Settings, Appearance, Font size), 16 and 13 CSS pixels unless changed.
 * The setting lasts while its DevTools session does, so the session is left open for the page.
 */
async function setTextSize(page: Page, percent: 100 | 200): Promise<void> {
  const session = await page.context().newCDPSession(page)
  await session.send('Page.setFontSizes', { fontSizes: { standard: (16 * percent) / 100, fixed: (13 * percent) / 100 } })
}

/** How wide the page is, in CSS pixels: wider than the window means it scrolls sideways. */
async function pageWidth(page: Page): Promise<number> {
  return await page.evaluate(() => document.documentElement.scrollWidth)
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`Small screens ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 320, height: 640 } })

    test('at 320 pixels wide and at 200% text no page scrolls sideways; a wide table scrolls in its own region', async ({ page }) => {
      test.setTimeout(180_000)
      await signIn(page, 'general-access')
      for (const percent of [100, 200] as const) {
        await setTextSize(page, percent)
        for (const { path, tables } of pagesToCheck) {
          await page.goto(path)
          // The text really is that size: 1rem, which GOV.UK Frontend's sizes are multiples of.
          expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), path).toBe(`${(16 * percent) / 100}px`)
          // Soft, so that one run lists every page that is too wide.
          expect.soft(await pageWidth(page), `${path} at ${percent}% text`).toBeLessThanOrEqual(320)
          for (const caption of tables) {
            const region = page.getByRole('region', { name: caption, exact: true })
            await expect.soft(region, `${path}: ${caption}`).toHaveAttribute('tabindex', '0', { timeout: 1000 })
            await expect.soft(region.getByRole('table', { name: caption, exact: true })).toBeVisible({ timeout: 1000 })
          }
          if (percent === 100) await expectNoAccessibilityViolations(page)
        }
      }
    })

    test('the Users table, wider than a phone, scrolls with the keyboard and shows where the focus is', async ({ page }) => {
      await signIn(page, 'general-access')
      await page.goto('/users')
      const region = page.getByRole('region', { name: 'Users', exact: true })
      const { scrollWidth, clientWidth } = await region.evaluate((element) => ({
        scrollWidth: element.scrollWidth,
        clientWidth: element.clientWidth,
      }))
      expect(scrollWidth).toBeGreaterThan(clientWidth)

      // Tab from the button just before the table: the region is the next stop, with GOV.UK's focus style.
      await page.getByRole('button', { name: 'Add user' }).focus()
      await page.keyboard.press('Tab')
      await expect(region).toBeFocused()
      expect(await region.evaluate((element) => getComputedStyle(element).boxShadow)).toContain('rgb(255, 221, 0)')
      await page.keyboard.press('ArrowRight')
      await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0)
    })
  })
}
