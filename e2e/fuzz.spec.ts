import { baseURL } from '../playwright.config'
import { distinctAddress } from './api/api-requests'
import { fixtureToken, seededUserId, sessionCookieFor } from './support/fixtures'
import { fuzzSeed, fuzzText, seededRandom, showsServerError } from './support/fuzz-inputs'
import { journeyUsers } from './support/journey-users'
import { demoUser } from './support/sign-in'
import { expect, test } from './support/test'

// Thousands of generated inputs over every form and every register API parameter, over real HTTP to the
// production server: none may get a 5xx or show a stack trace. Seeded: the seed is printed, and
// FUZZ_SEED=<seed> replays a run exactly. FUZZ_FORM_POSTS and FUZZ_API_REQUESTS change how many.
const formPostsPerForm = Number(process.env.FUZZ_FORM_POSTS ?? 200)
const apiRequests = Number(process.env.FUZZ_API_REQUESTS ?? 2400)
const concurrency = 4

type Failure = string

/** Runs the tasks `concurrency` at a time, collecting what each found wrong. */
async function runAll(tasks: (() => Promise<Failure | undefined>)[]): Promise<Failure[]> {
  const failures: Failure[] = []
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next] as () => Promise<Failure | undefined>
      next += 1
      const failure = await task()
      if (failure) failures.push(failure)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return failures
}

async function check(label: string, response: Response): Promise<Failure | undefined> {
  const body = await response.text()
  if (response.status >= 500 || showsServerError(body)) return `${response.status} ${label}: ${body.slice(0, 200)}`
  return undefined
}

/** The hidden fields React writes into a no-JavaScript form (the server action's id and bound state). */
function hiddenActionFields(html: string): [string, string][] {
  const unescape = (text: string) =>
    text
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
  return [...html.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?/g)].map((match) => [
    unescape(match[1] ?? ''),
    unescape(match[2] ?? ''),
  ])
}

test.describe('Fuzzing every form and API parameter', () => {
  test.describe.configure({ timeout: 240_000 })
  const seed = fuzzSeed()
  const random = seededRandom(seed)
  const text = () => fuzzText(random)

  test.beforeAll(() => {
    console.info(`Fuzz seed ${seed} (replay with FUZZ_SEED=${seed})`)
  })

  test('no answer posted to a staff form gets a 5xx or a stack trace', async () => {
    const anne = demoUser('general-access')
    const cookie = await sessionCookieFor(anne.email, anne.name)
    const headers = { Cookie: `${cookie.name}=${cookie.value}`, Origin: baseURL }
    const listPage = await (await fetch(`${baseURL}/api-clients`, { headers })).text()
    const clientId = /href="\/api-clients\/([0-9a-f-]{36})"/.exec(listPage)?.[1]
    expect(clientId, 'a client to rename').toBeDefined()
    const fuzzUser = seededUserId(journeyUsers.fuzz.email)
    const forms: { path: string; fields: Record<string, () => string> }[] = [
      { path: '/api-clients/new', fields: { 'client-name': text, 'expiry-date-day': text, 'expiry-date-month': text, 'expiry-date-year': text } },
      { path: `/api-clients/${clientId}/edit`, fields: { name: text } },
      { path: '/users/new', fields: { 'first-name': text, 'last-name': text, email: text, 'api-user': text } },
      { path: `/users/${fuzzUser}/edit`, fields: { 'first-name': text, 'last-name': text, email: text, 'api-user': text } },
    ]
    const tasks: (() => Promise<Failure | undefined>)[] = []
    for (const form of forms) {
      const page = await fetch(`${baseURL}${form.path}`, { headers })
      expect(page.status, form.path).toBe(200)
      const hidden = hiddenActionFields(await page.text())
      expect(hidden.length, `${form.path} has a no-JavaScript form`).toBeGreaterThan(0)
      for (let index = 0; index < formPostsPerForm; index += 1) {
        const body = new FormData()
        for (const [name, value] of hidden) body.append(name, value)
        const answers = Object.entries(form.fields).map(([name, generate]) => [name, random() < 0.2 ? 'yes' : generate()] as const)
        for (const [name, value] of answers) body.append(name, value)
        const label = `POST ${form.path} ${JSON.stringify(Object.fromEntries(answers))}`
        tasks.push(async () => check(label, await fetch(`${baseURL}${form.path}`, { method: 'POST', headers, body, redirect: 'manual' })))
      }
    }
    // The pages' own query and path parameters.
    for (let index = 0; index < 100; index += 1) {
      for (const path of ['/api-clients?page=', '/users?page=', '/activity?page=', '/api-clients/', '/users/']) {
        const url = `${baseURL}${path}${encodeURIComponent(text())}`
        tasks.push(async () => check(`GET ${url}`, await fetch(url, { headers, redirect: 'manual' })))
      }
    }
    const failures = await runAll(tasks)
    expect(failures, `seed ${seed}`).toEqual([])
    console.info(`Fuzz seed ${seed}: ${tasks.length} staff requests, none 5xx`)
  })

  test('no register API parameter gets a 5xx or a stack trace', async () => {
    const tokens = Array.from({ length: 8 }, (_, index) => fixtureToken(`fuzz-${index + 1}`))
    const names = ['changed_since', 'academic_year', 'provider_type', 'accreditation_status', 'page', 'per_page', 'cursor']
    const tasks: (() => Promise<Failure | undefined>)[] = []
    for (let index = 0; index < apiRequests; index += 1) {
      const query = new URLSearchParams()
      const count = Math.floor(random() * 4)
      for (let parameter = 0; parameter < count; parameter += 1)
        query.append(random() < 0.85 ? (names[Math.floor(random() * names.length)] as string) : text(), text())
      const roll = random()
      const path = roll < 0.7 ? '/api/v1/providers' : roll < 0.9 ? `/api/v1/providers/${encodeURIComponent(text())}` : '/api/v1/info'
      const url = `${baseURL}${path}?${query.toString()}`
      const token = tokens[index % tokens.length] as string
      tasks.push(async () => {
        const response = await fetch(url, { headers: { Authorization: `Bearer ${token}`, 'X-Forwarded-For': distinctAddress() } })
        if (response.status === 429) return `429 ${url}: the fuzz outran the rate limit, so it tested nothing`
        return check(`GET ${url}`, response)
      })
    }
    const failures = await runAll(tasks)
    expect(failures, `seed ${seed}`).toEqual([])
    console.info(`Fuzz seed ${seed}: ${tasks.length} API requests, none 5xx`)
  })
})
