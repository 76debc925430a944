import type { APIRequestContext, APIResponse, Page } from '@playwright/test'
import { generateToken } from '@/lib/tokens/format'
import type { StandInMessage } from '../../scripts/notify-stand-in/server'
import { newSigningKey, signedReportHeaders, startKeyServer, type KeyServer } from '../../test/github-signing'
import { distinctAddress, expectProblem, expectTooManyRequests, getInfo, sendMany } from '../api/api-requests'
import { activityCard, dateTimePattern, expectClientPage, summaryRows } from '../pages/manage-api-client-page'
import { notifyStandInPort, secretScanningKeysPort, standInNotify } from '../support/environment'
import { fixtureToken } from '../support/fixtures'
import { signIn } from '../support/sign-in'
import { expect, test } from '../support/test'
import { expectServedFromCache, fixtureClientId } from './cache-probe'
import { mainPort, openRunDatabase, secondOrigin } from './servers'

// GitHub's secret-scanning partner programme, end to end: a report signed as GitHub signs, posted to one instance,
// revokes the client everywhere; its page and History then say why (docs/product/secret-scanning.md).
test.describe.configure({ mode: 'serial' })

const github = newSigningKey()
const foundAt = 'https://github.com/octocat/Hello-World/blob/12345600b9cbe38a219f39a9941c9319b600c002/config/settings.txt'
let keyServer: KeyServer
let sql: ReturnType<typeof openRunDatabase>
let clientId = ''
let clientName = ''

test.beforeAll(async () => {
  keyServer = await startKeyServer([github], Number(secretScanningKeysPort(mainPort)))
  sql = openRunDatabase()
  clientId = await fixtureClientId(sql, 'leaked')
})
test.afterAll(async () => {
  await Promise.all([keyServer?.close(), sql?.end()])
})

function postReport(
  request: APIRequestContext,
  origin: string,
  body: string,
  headers: Record<string, string>,
  address = distinctAddress(),
): Promise<APIResponse> {
  // A Buffer is sent as it is; a string with a JSON content type would be serialised again, breaking the signature.
  return request.post(`${origin}/api/secret-scanning`, { data: Buffer.from(body), headers: { ...headers, 'X-Forwarded-For': address } })
}

/** The e-mail the Notify stand-in took about this client, once it has. */
async function leakEmailsFor(request: APIRequestContext, id: string): Promise<StandInMessage[]> {
  const standIn = `http://127.0.0.1:${notifyStandInPort(mainPort)}`
  const { messages } = (await (await request.get(`${standIn}/_test/messages`)).json()) as { messages: StandInMessage[] }
  return messages.filter((message) => message.templateId === standInNotify.templates.tokenLeaked && String(message.personalisation.client_url ?? '').endsWith(id))
}

async function expectRevokedForLeak(page: Page): Promise<void> {
  await signIn(page, 'general-access')
  await page.goto(`/api-clients/${clientId}`)
  await expectClientPage(page, clientName, 'Revoked')
  await expect(page.getByText(/^Revoked by /)).toHaveText(new RegExp(`^Revoked by System on ${dateTimePattern}$`))
  const card = activityCard(page, 'API client revoked')
  expect(await summaryRows(card)).toContainEqual(['Reason', `Token found in public: ${foundAt}`])
  await expect(card.getByText(/^By /)).toHaveText(new RegExp(`^By the system on ${dateTimePattern}$`))
}

test('a report without GitHub’s signature, or signed with another key, is refused and changes nothing', async ({ request, baseURL }) => {
  const token = fixtureToken('leaked')
  const body = JSON.stringify([{ token, type: 'register_api_token', url: foundAt, source: 'content' }])
  const impostor = newSigningKey()
  await expectProblem(await postReport(request, baseURL ?? '', body, { 'Content-Type': 'application/json' }), 401)
  await expectProblem(await postReport(request, baseURL ?? '', body, signedReportHeaders(body, impostor)), 401)
  const tampered = signedReportHeaders(body.replace('content', 'commit'), github)
  await expectProblem(await postReport(request, baseURL ?? '', body, tampered), 401)
  expect((await getInfo(request, distinctAddress(), token, baseURL)).status()).toBe(200)
})

test('a report too large, not GitHub’s shape, sent too often or by another method is refused with a problem', async ({ request, baseURL }) => {
  const origin = baseURL ?? ''
  const huge = JSON.stringify([{ token: 'x', type: 'register_api_token', url: 'u'.repeat(1_000_000), source: 'content' }])
  expect(await expectProblem(await postReport(request, origin, huge, signedReportHeaders(huge, github)), 413)).toMatchObject({ title: 'Content Too Large' })
  for (const body of ['{"token":"x"}', '[]', 'not json']) {
    expect(await expectProblem(await postReport(request, origin, body, signedReportHeaders(body, github)), 400), body).toMatchObject({
      detail: 'The body must be a JSON array of objects with token, type, url and source.',
    })
  }
  const wrongMethod = await request.get(`${origin}/api/secret-scanning`)
  await expectProblem(wrongMethod, 405)
  expect(wrongMethod.headers().allow).toBe('POST, OPTIONS')
  // Its own bucket per address: RATE_LIMIT_PER_IP (100) a minute, then 429.
  const address = distinctAddress()
  const body = '[]'
  const responses = await sendMany(101, () => postReport(request, origin, body, signedReportHeaders(body, github), address))
  expect(responses.slice(0, 100).every((response) => response.status() === 400)).toBe(true)
  await expectTooManyRequests(responses[100] as APIResponse, 100)
})

test('a token GitHub reports through one instance is refused by the other on its very next request', async ({ request, baseURL }) => {
  const token = fixtureToken('leaked')
  const origins = [baseURL ?? '', secondOrigin]
  clientName = await expectServedFromCache(request, sql, clientId, token, origins)
  // Shaped like one of ours, checksum and all, but never issued.
  const stranger = generateToken('test').plaintext
  const body = JSON.stringify([
    { token, type: 'register_api_token', url: foundAt, source: 'content' },
    { token: stranger, type: 'register_api_token', url: foundAt, source: 'content' },
  ])

  const response = await postReport(request, origins[0] ?? '', body, signedReportHeaders(body, github))

  expect(response.status()).toBe(200)
  const answers = (await response.json()) as Array<{ token_hash: string; token_type: string; label: string }>
  expect(answers.map((answer) => [answer.token_type, answer.label])).toEqual([
    ['register_api_token', 'true_positive'],
    ['register_api_token', 'false_positive'],
  ])
  expect(answers[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/)
  await expectProblem(await getInfo(request, distinctAddress(), token, secondOrigin), 401)
  await expectProblem(await getInfo(request, distinctAddress(), token, origins[0]), 401)
  // The same report again is answered the same, and changes nothing more.
  const again = await postReport(request, secondOrigin, body, signedReportHeaders(body, github))
  expect(((await again.json()) as Array<{ label: string }>).map((answer) => answer.label)).toEqual(['true_positive', 'false_positive'])
  await expect.poll(async () => (await leakEmailsFor(request, clientId)).length, { message: 'the creator should be e-mailed once' }).toBe(1)
  const [email] = await leakEmailsFor(request, clientId)
  expect(email?.emailAddress).toBe('anne.wilson@education.gov.uk')
  expect(email?.personalisation.found_at).toBe(foundAt)
})

test('the client’s page says it was revoked by the system, and its History says why', async ({ page }) => {
  await expectRevokedForLeak(page)
  await page.context().clearCookies()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the client’s page and History say the same', async ({ page }) => {
    await expectRevokedForLeak(page)
    await page.context().clearCookies()
  })
})
