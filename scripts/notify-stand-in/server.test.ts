import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { checkNotifyToken } from './server'

const serviceId = '0f0e0d0c-0b0a-4090-8807-060504030201'
const secret = '11223344-5566-4778-899a-abbccddeeff0'
const now = Date.parse('2027-03-01T12:00:00Z')

function token(claims: Record<string, unknown>, options: { alg?: string; key?: string } = {}): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const signed = `${encode({ typ: 'JWT', alg: options.alg ?? 'HS256' })}.${encode(claims)}`
  return `Bearer ${signed}.${createHmac('sha256', options.key ?? secret).update(signed).digest('base64url')}`
}

const check = (header: string | undefined) => checkNotifyToken(header, { serviceId, secret, now })
const iat = now / 1000

describe('the stand-in checks API key tokens as Notify does', () => {
  it('accepts a token signed with the secret, issued by the service, within 30 seconds', () => {
    expect(check(token({ iss: serviceId, iat }))).toBeUndefined()
    expect(check(token({ iss: serviceId, iat: iat - 30 }))).toBeUndefined()
    expect(check(token({ iss: serviceId, iat: iat + 30 }))).toBeUndefined()
  })

  it('refuses a token from outside 30 seconds either way', () => {
    expect(check(token({ iss: serviceId, iat: iat - 31 }))).toBe('Error: Your system clock must be accurate to within 30 seconds')
    expect(check(token({ iss: serviceId, iat: iat + 31 }))).toBe('Error: Your system clock must be accurate to within 30 seconds')
  })

  it('refuses another service, another secret, another algorithm, and no token', () => {
    expect(check(token({ iss: '26785a09-ab16-4eb0-8407-a37497a57506', iat }))).toBe('Invalid token: service not found')
    expect(check(token({ iss: serviceId, iat }, { key: 'another-secret' }))).toBe('Invalid token: API key not found')
    expect(check(token({ iss: serviceId, iat }, { alg: 'none' }))).toBe('Invalid token: algorithm used is not HS256')
    expect(check(token({ iat }))).toBe('Invalid token: iss field not provided')
    expect(check(token({ iss: serviceId }))).toBe('Invalid token: iat field not provided')
    expect(check(undefined)).toBe('Unauthorized: authentication token must be provided')
    expect(check('Bearer not-a-token')).toBe('Unauthorized: authentication token must be provided')
  })
})
