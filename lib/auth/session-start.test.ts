import { describe, expect, it } from 'vitest'
import { sessionStillValid } from './session-start'

describe('sessionStillValid', () => {
  const ended = new Date('2026-12-01T09:00:00.000Z')

  it('accepts a session whose person never ended their sessions', () => {
    expect(sessionStillValid(ended.getTime(), null)).toBe(true)
  })

  it('accepts a session started after the last end, and refuses one started before or at it', () => {
    expect(sessionStillValid(ended.getTime() + 1, ended)).toBe(true)
    expect(sessionStillValid(ended.getTime(), ended)).toBe(false)
    expect(sessionStillValid(ended.getTime() - 60_000, ended)).toBe(false)
  })

  it.each([undefined, null, '1764579600000', Number.NaN])('refuses a token without a usable sign-in time (%s)', (claim) => {
    expect(sessionStillValid(claim, null)).toBe(false)
  })
})
