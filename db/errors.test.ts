import { describe, expect, it } from 'vitest'
import { isDatabaseUnavailable, violatesUniqueIndex } from './errors'

// Drizzle wraps a driver's error in its own, with the driver's as `cause`.
const wrapped = (cause: object) => Object.assign(new Error('Failed query'), { cause })

describe('violatesUniqueIndex', () => {
  it('finds the index in postgres.js (constraint_name) and PGlite (constraint) errors, however deep', () => {
    expect(violatesUniqueIndex(wrapped({ code: '23505', constraint_name: 'users_email_unique' }), 'users_email_unique')).toBe(true)
    expect(violatesUniqueIndex(wrapped(wrapped({ code: '23505', constraint: 'users_email_unique' })), 'users_email_unique')).toBe(true)
  })

  it('is false for another index or another error', () => {
    expect(violatesUniqueIndex(wrapped({ code: '23505', constraint_name: 'other' }), 'users_email_unique')).toBe(false)
    expect(violatesUniqueIndex(wrapped({ code: '23503', constraint_name: 'users_email_unique' }), 'users_email_unique')).toBe(false)
    expect(violatesUniqueIndex('not an error', 'users_email_unique')).toBe(false)
  })
})

describe('isDatabaseUnavailable', () => {
  it('recognises refused, closed and timed-out connections anywhere in the causes', () => {
    expect(isDatabaseUnavailable(wrapped({ code: 'ECONNREFUSED' }))).toBe(true)
    expect(isDatabaseUnavailable(wrapped(wrapped({ code: '57014' })))).toBe(true)
  })

  it('recognises PgBouncer saying PostgreSQL cannot be reached (08P01)', () => {
    const pgbouncer = { code: '08P01', message: 'server login has been failing, try again later (server_login_retry)' }
    expect(isDatabaseUnavailable(wrapped(pgbouncer))).toBe(true)
  })

  it('is false for an ordinary query error', () => {
    expect(isDatabaseUnavailable(wrapped({ code: '23505' }))).toBe(false)
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false)
    expect(isDatabaseUnavailable(undefined)).toBe(false)
  })
})
