// The change feed's contract over real HTTP, against the seeded register (which no journey changes): the first
// sync serves every provider once, an idle poll serves nothing and keeps the cursor, If-None-Match gets 304 on
// the feed and the provider endpoints, and bad cursors get the documented problems. The feed's behaviour under
// concurrent writes is tested against the database in lib/providers/changes-sync.db.test.ts.
import type { APIRequestContext, APIResponse } from '@playwright/test'
import { defaultProviderCount, defaultSeedTime } from '@/db/seed'
import { generateRegister } from '@/db/seed/providers'
import { fixtureToken } from '../support/fixtures'
import { expect, test } from '../support/test'
import { distinctAddress, expectApiHeaders, expectProblem, from } from './api-requests'

const register = [...generateRegister(defaultProviderCount, defaultSeedTime)]
const liveIds = register.filter(({ provider }) => !provider.archivedAt && !provider.deletedAt).map(({ provider }) => provider.id)
const removedIds = register.filter(({ provider }) => provider.archivedAt || provider.deletedAt).map(({ provider }) => provider.id)
const address = distinctAddress()

type Change = { change: 'updated' | 'removed'; id: string; changed_at: string; provider?: { id: string } }
type ChangesBody = { data: Change[]; links: { self: string; next: string }; meta: { next_cursor: string; has_more: boolean } }

function get(request: APIRequestContext, path: string, headers: Record<string, string> = {}): Promise<APIResponse> {
  return request.get(path, { headers: { ...from(address, fixtureToken('change-feed')), ...headers } })
}

async function changes(request: APIRequestContext, path: string): Promise<{ body: ChangesBody; etag: string }> {
  const response = await get(request, path)
  expect(response.status(), await response.text()).toBe(200)
  expect(response.headers()['content-type']).toBe('application/json')
  expectApiHeaders(response)
  return { body: (await response.json()) as ChangesBody, etag: response.headers().etag ?? '' }
}

const encoded = (text: string) => Buffer.from(text, 'utf8').toString('base64url')

test.describe('GET /api/v1/providers/changes', () => {
  test.describe.configure({ mode: 'serial' })
  let cursor = ''
  let idleEtag = ''

  test('serves every seeded provider once from no cursor: live ones as updated, the rest as removed', async ({ request }) => {
    const seen: Change[] = []
    let path = '/api/v1/providers/changes?per_page=500'
    let pages = 0
    for (;;) {
      const { body } = await changes(request, path)
      pages += 1
      seen.push(...body.data)
      expect(body.links.next).toBe(`/api/v1/providers/changes?cursor=${body.meta.next_cursor}&per_page=500`)
      path = body.links.next
      cursor = body.meta.next_cursor
      if (!body.meta.has_more) break
      expect(body.data).toHaveLength(500)
    }
    expect(pages).toBe(Math.ceil(register.length / 500))
    expect(seen.map((entry) => entry.id).sort()).toEqual(register.map(({ provider }) => provider.id).sort())
    expect(
      seen
        .filter((entry) => entry.change === 'updated')
        .map((entry) => entry.id)
        .sort(),
    ).toEqual([...liveIds].sort())
    expect(
      seen
        .filter((entry) => entry.change === 'removed')
        .map((entry) => entry.id)
        .sort(),
    ).toEqual([...removedIds].sort())
    const removed = seen.find((entry) => entry.change === 'removed')
    expect(Object.keys(removed ?? {})).toEqual(['change', 'id', 'changed_at'])
    // The same provider object as GET /providers/{id}.
    const updated = seen.find((entry) => entry.change === 'updated')
    const single = await get(request, `/api/v1/providers/${updated?.id}`)
    expect(updated?.provider).toEqual(((await single.json()) as { data: unknown }).data)
  })

  test('answers an idle poll with no changes, has_more false and the same cursor', async ({ request }) => {
    const { body, etag } = await changes(request, `/api/v1/providers/changes?cursor=${cursor}`)
    expect(body).toEqual({
      data: [],
      links: { self: `/api/v1/providers/changes?cursor=${cursor}&per_page=100`, next: `/api/v1/providers/changes?cursor=${cursor}&per_page=100` },
      meta: { next_cursor: cursor, has_more: false },
    })
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/)
    idleEtag = etag
  })

  test('answers an idle poll with If-None-Match with 304 and headers only', async ({ request }) => {
    const response = await get(request, `/api/v1/providers/changes?cursor=${cursor}`, { 'If-None-Match': idleEtag })
    expect(response.status()).toBe(304)
    expect(response.headers().etag).toBe(idleEtag)
    expectApiHeaders(response)
    expect(response.headers()['ratelimit-limit']).toBe('300')
    expect(await response.text()).toBe('')
    expect((await get(request, `/api/v1/providers/changes?cursor=${cursor}`, { 'If-None-Match': 'W/"something-else"' })).status()).toBe(200)
  })

  test('refuses a malformed cursor with a 400 that says to start again', async ({ request }) => {
    // A damaged first character always breaks the version; a character added at the end can spell another valid cursor.
    for (const bad of ['not-a-cursor', encoded('v2:1:1'), `x${cursor.slice(1)}`]) {
      const problem = await expectProblem(await get(request, `/api/v1/providers/changes?cursor=${encodeURIComponent(bad)}`), 400)
      expect(problem).toEqual({
        type: 'about:blank',
        status: 400,
        title: 'Bad Request',
        detail: 'cursor is not a cursor this API gave you: start again without a cursor',
        invalid_params: [{ name: 'cursor', reason: 'is not a cursor this API gave you: start again without a cursor' }],
      })
    }
    const tooMany = await expectProblem(await get(request, '/api/v1/providers/changes?per_page=501&since=2026'), 400)
    expect(tooMany.invalid_params).toEqual([
      { name: 'per_page', reason: 'must be a whole number from 1 to 500' },
      { name: 'since', reason: 'is not a parameter of this endpoint' },
    ])
  })

  test('answers a cursor this register cannot carry on from with a 410 that says to start again', async ({ request }) => {
    const fromElsewhere = encoded(`v1:${2n ** 62n}:1`)
    expect(await expectProblem(await get(request, `/api/v1/providers/changes?cursor=${fromElsewhere}`), 410)).toEqual({
      type: 'about:blank',
      status: 410,
      title: 'Gone',
      detail: 'This cursor is not one this register can carry on from. Start again without a cursor and replace your copy with what the feed serves.',
    })
  })

  test('needs a token', async ({ request }) => {
    const response = await request.get('/api/v1/providers/changes', { headers: from(distinctAddress()) })
    expect(await expectProblem(response, 401)).toMatchObject({ title: 'Unauthorized' })
  })
})

test.describe('If-None-Match on the provider endpoints', () => {
  for (const path of ['/api/v1/providers?per_page=5', `/api/v1/providers/${liveIds[0]}`]) {
    test(`GET ${path.replace(/[0-9a-f-]{36}/, '{id}')} answers 304 for its current ETag and 200 for another`, async ({ request }) => {
      const first = await get(request, path)
      expect(first.status()).toBe(200)
      const etag = first.headers().etag ?? ''
      expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/)
      const again = await get(request, path)
      expect(again.headers().etag, 'the same answer has the same ETag').toBe(etag)
      const notModified = await get(request, path, { 'If-None-Match': etag })
      expect(notModified.status()).toBe(304)
      expect(notModified.headers().etag).toBe(etag)
      expectApiHeaders(notModified)
      expect(await notModified.text()).toBe('')
      expect((await get(request, path, { 'If-None-Match': '"other"' })).status()).toBe(200)
    })
  }
})

test.describe('The sync guide in /api-docs', () => {
  test('is linked from the contents and has a section for each step, 304s, 429s and starting again', async ({ page }) => {
    await page.goto('/api-docs')
    await page.getByRole('link', { name: 'Keeping a copy of the register', exact: true }).first().click()
    await expect(page).toHaveURL(/#sync-guide$/)
    await expect(page.getByRole('heading', { level: 2, name: 'Keeping a copy of the register', exact: true })).toBeVisible()
    const steps = [
      'The first load',
      'Polling for changes',
      'Removals',
      'Not modified: 304',
      'Too many requests: 429',
      'Starting again: 410 and 400',
      'Example',
    ]
    for (const name of steps) await expect(page.getByRole('heading', { level: 3, name, exact: true })).toBeVisible()
    await expect(page.getByRole('row', { name: /^410 Gone/ })).toContainText(
      'The change feed cannot carry on from this cursor. Start again without a cursor.',
    )
    await expect(page.getByRole('heading', { level: 3, name: 'GET /api/v1/providers/changes', exact: true })).toBeVisible()
  })
})
