import { describe, expect, it } from 'vitest'
import { infoResponseSchema } from '@/lib/openapi/components'
import { infoBody } from './info-body'

describe('infoBody', () => {
  it.each([
    { name: 'Sync job', expiresOn: '2027-03-31', tokenStopsAt: null },
    { name: 'Sync job – “overlap”', expiresOn: '2027-03-31', tokenStopsAt: '2026-12-02T14:15:00.000Z' },
  ])('is what the OpenAPI schema describes, exactly ($tokenStopsAt)', (client) => {
    const body = infoBody(client)
    expect(infoResponseSchema.strict().parse(body)).toEqual(body)
  })
})
