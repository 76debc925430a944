import { readFileSync } from 'node:fs'
import { expectPage } from '../support/pages'
import { expect, test } from '../support/test'

const document = JSON.parse(readFileSync('openapi/v1.json', 'utf8')) as { paths: Record<string, unknown> }

// Every error status the OpenAPI document lists for any operation.
const documentedErrors = [
  ...new Set(
    Object.values(document.paths).flatMap((item) =>
      Object.values(item as Record<string, { responses?: Record<string, unknown> }>).flatMap((operation) =>
        Object.keys(operation.responses ?? {}).filter((status) => Number(status) >= 400),
      ),
    ),
  ),
].sort()

test.describe('The API documentation’s policies and error examples', () => {
  test('show an example of every documented error status, the environments, versioning, changelog and contact', async ({ page, request }) => {
    await page.goto('/api-docs')
    await expectPage(page, 'API documentation')
    for (const heading of ['Environments and base URLs', 'Versioning and deprecation', 'Changelog', 'Contact', 'An example of each error']) {
      await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible()
    }
    const summaries = await page.locator('.govuk-details__summary-text').allTextContents()
    const exampleStatuses = [...new Set(summaries.map((text) => text.trim().match(/^(\d{3}):/)?.[1]).filter((status) => status !== undefined))].sort()
    expect(documentedErrors).toEqual(['400', '401', '403', '404', '405', '410', '429', '500', '503'])
    expect(exampleStatuses).toEqual(documentedErrors)

    // The 405 example is what the API really answers, apart from the request id.
    await page.getByText('405: DELETE /api/v1/providers').click()
    const shown = await page.locator('.govuk-details[open] pre').first().textContent()
    const real = await request.delete('/api/v1/providers')
    const realBody = (await real.json()) as Record<string, unknown>
    expect(shown).toContain('HTTP/1.1 405 Method Not Allowed')
    expect(shown).toContain('Allow: GET, HEAD, OPTIONS')
    expect(shown).toContain(JSON.stringify(realBody.detail))

    // This environment's base URL is the one the served OpenAPI document gives.
    const served = (await (await request.get('/api/v1/openapi.json')).json()) as { servers: { url: string }[] }
    await expect(page.getByRole('table', { name: 'This environment' })).toContainText(served.servers[0]?.url ?? 'missing')
    await expect(page.getByRole('link', { name: 'contact the Department for Education' })).toHaveAttribute('href', 'https://www.gov.uk/contact-dfe')
  })
})
