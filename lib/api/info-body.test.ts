import { describe, expect, it } from 'vitest'
import { infoResponseSchema } from '@/lib/openapi/components'
import { infoBody, infoBodyBytes } from './info-body'

describe('infoBody', () => {
  it.each([
    { name: 'Sync job', expiresOn: '2027-03-31', tokenStopsAt: null },
    { name: 'Sync job – “overlap”', expiresOn: '2027-03-31', tokenStopsAt: '2026-12-02T14:15:00.000Z' },
  ])('is what the OpenAPI schema describes, exactly ($tokenStopsAt)', (client) => {
    const body = infoBody(client)
    expect(infoResponseSchema.strict().parse(body)).toEqual(body)
  })
})

describe('infoBodyBytes', () => {
  const client = { id: 'c1', name: 'Sync job', expiresOn: '2027-03-31', createdById: 'u1', tokenStopsAt: null }

  it('is infoBody as UTF-8 JSON', () => {
    expect(JSON.parse(new TextDecoder().decode(infoBodyBytes(client)))).toEqual(infoBody(client))
  })

  it('is serialised once for a client object, and again for another object of the same client', () => {
    expect(infoBodyBytes(client)).toBe(infoBodyBytes(client))
    // A renamed client comes back from the cache as a new object, and so gets its new name.
    const renamed = { ...client, name: 'Nightly sync' }
    expect(JSON.parse(new TextDecoder().decode(infoBodyBytes(renamed))).client.name).toBe('Nightly sync')
  })
})
