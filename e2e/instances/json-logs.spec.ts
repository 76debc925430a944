import { expect, test } from '@playwright/test'
import { demoPassword } from '@/db/seed/users'
import { distinctAddress } from '../api/api-requests'
import { serverActionId } from '../support/server-actions'
import { e2eDatabaseUrl } from '../support/environment'
import { mainPort, startInstance } from './servers'

// An instance whose output the test reads: after bad input of every kind (a NUL byte and a forged log
// line in the sign-in email, malformed server actions, refused methods), every line it wrote must be one
// JSON object, and nothing typed may appear (docs/decisions/0013).
test.describe.configure({ mode: 'serial' })

let instance: Awaited<ReturnType<typeof startInstance>>
const forged = '{"time":"2026-12-01T09:00:00.000Z","level":"info","message":"signed in","userId":"forged"}'
const typedEmail = `anne.wilson@education.gov.uk\u0000\n${forged}`

test.beforeAll(async () => {
  const databaseUrl = e2eDatabaseUrl(process.env.TEST_DATABASE_URL ?? '', mainPort)
  instance = await startInstance(Number(mainPort) + 6, { DATABASE_URL: databaseUrl, LOG_LEVEL: 'info' }, { captureOutput: true })
})
test.afterAll(async () => {
  await instance?.stop()
})

test('after bad input of every kind, every line the server wrote is one JSON object and holds nothing typed', async ({ page, request }) => {
  await page.goto(`${instance.origin}/sign-in`)
  await page.getByLabel('Email address').fill('x')
  // A browser's own typing cannot enter a NUL byte; a script (or a crafted post) can.
  await page.getByLabel('Email address').evaluate((input, value) => ((input as HTMLInputElement).value = value), typedEmail)
  await page.getByLabel('Password', { exact: true }).fill(demoPassword)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter an email address in the correct format, like name@education.gov.uk')
  await expect(page.locator('#email-error')).toContainText('Enter an email address in the correct format, like name@education.gov.uk')

  const action = serverActionId('signInWithPassword')
  const headers = { 'Next-Action': action, Origin: instance.origin, 'Content-Type': 'text/plain;charset=UTF-8', 'X-Forwarded-For': distinctAddress() }
  for (const data of ['{{{not json', '["$Q1"]', `["$undefined",${JSON.stringify(typedEmail)}]`]) {
    expect((await request.post(`${instance.origin}/sign-in`, { headers, data })).status()).toBe(400)
  }
  const unknownAction = await request.post(`${instance.origin}/sign-in`, { headers: { ...headers, 'Next-Action': forged }, data: '[]' })
  expect(unknownAction.status()).toBeLessThan(500)
  expect((await request.fetch(`${instance.origin}/sign-in`, { method: 'TRACE' })).status()).toBe(405)
  expect((await request.get(`${instance.origin}/api/v1/providers/%ff`)).status()).toBe(400)

  // Lines about an error wait a moment for onRequestError (lib/http/console-to-logger.ts).
  await page.waitForTimeout(1_000)
  const lines = instance
    .output()
    .split('\n')
    .filter((line) => line !== '')
  expect(lines.length).toBeGreaterThan(0)
  for (const line of lines) {
    expect(() => JSON.parse(line), line).not.toThrow()
    const entry = JSON.parse(line) as Record<string, unknown>
    expect(typeof entry.level, line).toBe('string')
    expect(typeof entry.message, line).toBe('string')
    expect(entry.userId, line).not.toBe('forged')
    expect(line, line).not.toContain('anne.wilson')
  }
})
