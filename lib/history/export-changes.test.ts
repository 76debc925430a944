import { describe, expect, it } from 'vitest'
import { changeLines } from './export-changes'

describe('changeLines', () => {
  it('shows an allowlist change as its ranges, and an emptied list as any address', () => {
    const changes = { allowedAddresses: { from: ['192.0.2.0/24', '2001:db8::/32'], to: [] } }
    expect(changeLines({ entityType: 'api_client', changes })).toEqual(['Allowed IP addresses: 192.0.2.0/24, 2001:db8::/32 → Any address'])
  })

  it('shows where a leaked token was found beside the reason for its revocation', () => {
    const changes = {
      revokedReason: { from: null, to: 'token-found-in-public' },
      foundAtUrl: { from: null, to: 'https://github.com/octo/repo/blob/1/a.txt' },
    }
    expect(changeLines({ entityType: 'api_client', changes })).toEqual([
      'Reason: none → Token found in public',
      'Found in public at: none → https://github.com/octo/repo/blob/1/a.txt',
    ])
  })
})
