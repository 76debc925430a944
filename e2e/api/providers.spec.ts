// The register API's provider endpoints over real HTTP, against the seeded register. The seed is deterministic,
// so the expected providers are generated here exactly as db/seed generated them before the server started.
import type { APIRequestContext, APIResponse } from '@playwright/test'
import { defaultProviderCount, defaultSeedTime } from '@/db/seed'
import { generateRegister, type SeedProvider } from '@/db/seed/providers'
import { fixtureToken } from '../support/fixtures'
import { expectPage } from '../support/pages'
import { expect, test } from '../support/test'

const register = [...generateRegister(defaultProviderCount, defaultSeedTime)]
const isLive = ({ provider }: SeedProvider) => !provider.archivedAt && !provider.deletedAt
const byUpdatedAtThenId = (a: SeedProvider, b: SeedProvider) =>
  a.provider.updatedAt.getTime() - b.provider.updatedAt.getTime() || (a.provider.id < b.provider.id ? -1 : 1)
const live = register.filter(isLive).sort(byUpdatedAtThenId)
const liveIds = live.map((entry) => entry.provider.id)
const archived = register.find((entry) => entry.provider.archivedAt && !entry.provider.deletedAt)
const deleted = register.find((entry) => entry.provider.deletedAt)

/** The provider as the API must serve it, from the seed's own values. */
function served({ provider, accreditations, addresses, activeYears }: SeedProvider) {
  return {
    id: provider.id,
    operating_name: provider.operatingName,
    legal_name: provider.legalName ?? null,
    provider_type: provider.providerType,
    accreditation_status: provider.accreditationStatus,
    ukprn: provider.ukprn,
    urn: provider.urn ?? null,
    code: provider.code,
    accreditations: [...accreditations]
      .sort((a, b) => a.startDate.localeCompare(b.startDate))
      .map((item) => ({ number: item.number, start_date: item.startDate, end_date: item.endDate ?? null })),
    // All of a provider's addresses are added at once, so their order is by id.
    addresses: [...addresses]
      .sort((a, b) => ((a.id ?? '') < (b.id ?? '') ? -1 : 1))
      .map((item) => ({
        address_line_1: item.addressLine1,
        address_line_2: item.addressLine2 ?? null,
        address_line_3: item.addressLine3 ?? null,
        town_or_city: item.townOrCity,
        county: item.county ?? null,
        postcode: item.postcode,
      })),
    academic_years: activeYears.map((year) => year.startYear),
    created_at: provider.createdAt.toISOString(),
    updated_at: provider.updatedAt.toISOString(),
  }
}

type Token = 'active-10' | 'active-11' | 'active-12'

/** GET with a valid token (each describe block its own, so the 300-a-minute limit never bites) and its own address. */
function get(request: APIRequestContext, path: string, token: Token = 'active-10'): Promise<APIResponse> {
  return request.get(path, { headers: { Authorization: `Bearer ${fixtureToken(token)}`, 'X-Forwarded-For': '203.0.113.40' } })
}

type ListBody = { data: { id: string }[]; links: Record<string, string | null>; meta: Record<string, number> }

async function list(request: APIRequestContext, query: string, token?: Token): Promise<ListBody> {
  const response = await get(request, `/api/v1/providers${query}`, token)
  expect(response.status(), await response.text()).toBe(200)
  return (await response.json()) as ListBody
}

test.describe('GET /api/v1/providers', () => {
  test('serves the first page of live providers, in order, uncached, with links and counts', async ({ request }) => {
    const response = await get(request, '/api/v1/providers')
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toBe('application/json')
    expect(response.headers()['cache-control']).toBe('no-store')
    expect(response.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    const body = (await response.json()) as ListBody
    const pages = Math.ceil(live.length / 100)
    expect(body.data.map((provider) => provider.id)).toEqual(liveIds.slice(0, 100))
    expect(body.meta).toEqual({ page: 1, per_page: 100, total_count: live.length, total_pages: pages })
    expect(body.links).toEqual({
      self: '/api/v1/providers?page=1&per_page=100',
      first: '/api/v1/providers?page=1&per_page=100',
      prev: null,
      next: '/api/v1/providers?page=2&per_page=100',
      last: `/api/v1/providers?page=${pages}&per_page=100`,
    })
  })

  test('serves exactly the documented fields, never contacts or deletion columns', async ({ request }) => {
    const body = await list(request, '?per_page=500')
    const expected = live.slice(0, 500)
    expect(body.data).toEqual(expected.map(served))
    const text = JSON.stringify(body)
    expect(text).not.toMatch(/archived|deleted|contact|email|telephone/i)
    for (const email of expected.flatMap((entry) => entry.contacts.map((contact) => contact.email))) expect(text).not.toContain(email)
  })

  test('has every live provider once across the pages, and no archived or deleted one', async ({ request }) => {
    const pages = await Promise.all([1, 2, 3].map((page) => list(request, `?per_page=500&page=${page}`)))
    expect(pages.flatMap((page) => page.data.map((provider) => provider.id))).toEqual(liveIds)
    expect(pages[2]?.links.next).toBeNull()
  })

  test('pages at the edges: the last page, a page after it, one and 500 a page', async ({ request }) => {
    const lastPage = Math.ceil(live.length / 100)
    const last = await list(request, `?page=${lastPage}`)
    expect(last.data.map((provider) => provider.id)).toEqual(liveIds.slice((lastPage - 1) * 100))
    expect(last.links).toMatchObject({ prev: `/api/v1/providers?page=${lastPage - 1}&per_page=100`, next: null })
    const after = await list(request, `?page=${lastPage + 5}`)
    expect(after).toMatchObject({ data: [], meta: { page: lastPage + 5, total_count: live.length, total_pages: lastPage }, links: { next: null } })
    expect(after.links.prev).toBe(`/api/v1/providers?page=${lastPage}&per_page=100`)
    const single = await list(request, '?per_page=1&page=2')
    expect(single).toMatchObject({ data: [{ id: liveIds[1] }], meta: { per_page: 1, total_pages: live.length } })
  })

  test('filters by changed_since, as a date and as a date and time with a time zone', async ({ request }) => {
    const since = (moment: string) => live.filter((entry) => entry.provider.updatedAt >= new Date(moment)).map((entry) => entry.provider.id)
    const byDate = await list(request, '?changed_since=2026-10-01&per_page=500', 'active-11')
    expect(byDate.data.map((provider) => provider.id)).toEqual(since('2026-10-01T00:00:00Z'))
    expect(byDate.links.self).toBe('/api/v1/providers?changed_since=2026-10-01&page=1&per_page=500')
    const byTime = await list(request, `?changed_since=${encodeURIComponent('2026-10-15T13:30:00+01:00')}&per_page=500`, 'active-11')
    expect(byTime.data.map((provider) => provider.id)).toEqual(since('2026-10-15T12:30:00Z'))
  })

  test('filters by academic year, provider type and accreditation status', async ({ request }) => {
    const count = (keep: (entry: SeedProvider) => boolean) => live.filter(keep).length
    const year = await list(request, '?academic_year=2025', 'active-11')
    expect(year.meta.total_count).toBe(count((entry) => entry.activeYears.some((active) => active.startYear === 2025)))
    const both = await list(request, '?provider_type=hei&accreditation_status=unaccredited&per_page=500', 'active-11')
    const expected = live.filter(({ provider }) => provider.providerType === 'hei' && provider.accreditationStatus === 'unaccredited')
    expect(both.data.map((provider) => provider.id)).toEqual(expected.map((entry) => entry.provider.id))
    expect(both.links.self).toBe('/api/v1/providers?provider_type=hei&accreditation_status=unaccredited&page=1&per_page=500')
  })

  const refusals: [string, string][] = [
    ['per_page=0', 'per_page'],
    ['per_page=501', 'per_page'],
    ['page=0', 'page'],
    ['page=two', 'page'],
    ['changed_since=2026-13-01', 'changed_since'],
    ['changed_since=2026-10-01T10:00:00', 'changed_since'],
    ['academic_year=26', 'academic_year'],
    ['provider_type=university', 'provider_type'],
    ['accreditation_status=yes', 'accreditation_status'],
    ['updated_since=2026-01-01', 'updated_since'],
    ['page=1&page=2', 'page'],
  ]
  for (const [query, name] of refusals) {
    test(`answers ?${query} with a 400 naming ${name}`, async ({ request }) => {
      const response = await get(request, `/api/v1/providers?${query}`, 'active-12')
      expect(response.status()).toBe(400)
      expect(response.headers()['content-type']).toBe('application/problem+json')
      const body = (await response.json()) as { title: string; detail: string; invalid_params: { name: string; reason: string }[] }
      expect(body).toMatchObject({ status: 400, title: 'Bad Request', invalid_params: [{ name, reason: expect.any(String) }] })
      expect(body.detail).toMatch(new RegExp(`^${name} `))
    })
  }

  test('needs a token', async ({ request }) => {
    expect((await request.get('/api/v1/providers', { headers: { 'X-Forwarded-For': '203.0.113.41' } })).status()).toBe(401)
  })
})

test.describe('GET /api/v1/providers/{id}', () => {
  test('serves one live provider with its accreditations, addresses and years', async ({ request }) => {
    const provider = live.find((entry) => entry.accreditations.length > 1 && entry.addresses.length > 1) ?? live[0]
    if (!provider) throw new Error('the seed has no live provider')
    const response = await get(request, `/api/v1/providers/${provider.provider.id}`, 'active-12')
    expect(response.status()).toBe(200)
    expect(response.headers()['cache-control']).toBe('no-store')
    expect(await response.json()).toEqual({ data: served(provider) })
  })

  test('answers 404 for an unknown, malformed, archived or deleted id', async ({ request }) => {
    const ids = ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', archived?.provider.id, deleted?.provider.id]
    for (const id of ids) {
      const response = await get(request, `/api/v1/providers/${id ?? ''}`, 'active-12')
      expect(response.status(), `id ${id}`).toBe(404)
      expect(response.headers()['content-type']).toBe('application/problem+json')
      expect(await response.json()).toMatchObject({ status: 404, title: 'Not Found' })
    }
  })

  test('takes no query parameters', async ({ request }) => {
    const response = await get(request, `/api/v1/providers/${liveIds[0]}?include=contacts`, 'active-12')
    expect(response.status()).toBe(400)
    expect(await response.json()).toMatchObject({ invalid_params: [{ name: 'include' }] })
  })
})

test.describe('Documents and readiness', () => {
  test('the OpenAPI document is served without a token', async ({ request }) => {
    const response = await request.get('/api/v1/openapi.json', { headers: { 'X-Forwarded-For': '203.0.113.42' } })
    expect(response.status()).toBe(200)
    expect(await response.json()).toMatchObject({ openapi: '3.1.0', paths: { '/providers': {}, '/providers/{id}': {} } })
  })

  test('readiness answers ok while the database does', async ({ request }) => {
    const response = await request.get('/api/health/ready')
    expect(response.status()).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
  })

  test('the API documentation is a public GOV.UK page, linked from the footer', async ({ page }) => {
    await page.goto('/sign-in')
    await page.getByRole('contentinfo').getByRole('link', { name: 'API documentation' }).click()
    await expectPage(page, 'API documentation')
    await expect(page.getByText('rotp_(live|test)_[0-9A-Za-z]{49}', { exact: true })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'GET /api/v1/providers', exact: true })).toBeVisible()
  })
})

test.describe('The API documentation without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('reads in full, example responses included', async ({ page }) => {
    await page.goto('/api-docs')
    await expectPage(page, 'API documentation')
    await page.getByText('Example response').first().click()
    await expect(page.getByText('"total_count": 3')).toBeVisible()
  })
})
