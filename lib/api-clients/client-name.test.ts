import { describe, expect, it } from 'vitest'
import { clientNameMaxLength, clientNameNotUniqueMessage, validateClientName } from './client-name'

const tooLong = 'Client name must be 200 characters or less'

describe('validateClientName', () => {
  it('returns the name trimmed', () => {
    expect(validateClientName('  Teacher training data \t\n')).toEqual({ ok: true, name: 'Teacher training data' })
  })

  it('keeps internal spaces as typed', () => {
    expect(validateClientName(' Data  export ')).toEqual({ ok: true, name: 'Data  export' })
  })

  it.each(['', '   ', '\t\n', '\u00a0'])('asks for a name when given %j', (raw) => {
    expect(validateClientName(raw)).toEqual({ ok: false, message: 'Enter client name' })
  })

  it('accepts 200 characters', () => {
    expect(validateClientName('a'.repeat(200))).toEqual({ ok: true, name: 'a'.repeat(200) })
  })

  it('refuses 201 characters', () => {
    expect(validateClientName('a'.repeat(201))).toEqual({ ok: false, message: tooLong })
  })

  it('does not count surrounding spaces', () => {
    expect(validateClientName(`  ${'a'.repeat(200)}  `)).toEqual({ ok: true, name: 'a'.repeat(200) })
  })

  it('counts internal spaces', () => {
    expect(validateClientName(`${'a'.repeat(100)} ${'b'.repeat(100)}`)).toEqual({ ok: false, message: tooLong })
  })

  it('counts an emoji or other astral character as one, as PostgreSQL char_length does', () => {
    expect(validateClientName('😀'.repeat(200))).toEqual({ ok: true, name: '😀'.repeat(200) })
    expect(validateClientName(`${'𝒜'.repeat(199)}é`)).toMatchObject({ ok: true })
    expect(validateClientName('😀'.repeat(201))).toEqual({ ok: false, message: tooLong })
  })

  it('counts each code point of a combined emoji, as the database does', () => {
    // 🇬🇧 is two regional-indicator code points: 100 flags are 200 characters to PostgreSQL.
    expect(validateClientName('🇬🇧'.repeat(100))).toMatchObject({ ok: true })
    expect(validateClientName(`${'🇬🇧'.repeat(100)}a`)).toEqual({ ok: false, message: tooLong })
  })

  it('exports the limit and the uniqueness message for the database code', () => {
    expect(clientNameMaxLength).toBe(200)
    expect(clientNameNotUniqueMessage).toBe('Client name must be unique')
  })

  it.each([
    ['a NUL', 'Team\u0000A'],
    ['a tab', 'Team\tA'],
    ['a line feed', 'Team\nA'],
    ['an escape', 'Team\u001b[31mA'],
    ['DEL', 'Team\u007fA'],
    ['a C1 control', 'Team\u0085A'],
  ])('refuses %s inside the name with its own message', (_name, raw) => {
    expect(validateClientName(raw)).toEqual({ ok: false, message: 'Client name must only include letters, numbers, spaces and symbols' })
  })

  it('forgives a newline or tab at either end, as it does spaces: they are trimmed', () => {
    expect(validateClientName('\tTeam A\n')).toEqual({ ok: true, name: 'Team A' })
  })
})
