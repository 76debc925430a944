import { describe, expect, it } from 'vitest'
import { parseApiUserAnswer, userMessages, validateEmail, validateFirstName, validateLastName } from './user-details'

describe('validateEmail', () => {
  it.each([
    ['name@education.gov.uk', 'name@education.gov.uk'],
    ['  Jane.Smith@Education.GOV.UK ', 'jane.smith@education.gov.uk'],
    ["o'neill+api@education.gov.uk", "o'neill+api@education.gov.uk"],
  ])('accepts %j as %j', (raw, value) => {
    expect(validateEmail(raw)).toEqual({ ok: true, value })
  })

  it('asks for an address when there is none', () => {
    expect(validateEmail('   ')).toEqual({ ok: false, message: userMessages.emailMissing })
  })

  it.each([
    'name@gmail.com',
    'name@education.gov.uk.evil.com',
    'name@notdfe-education.gov.uk',
    'name@sub.education.gov.uk',
    'name education@education.gov.uk',
    '@education.gov.uk',
    'name@@education.gov.uk',
    'name.@education.gov.uk',
    '.name@education.gov.uk',
    'na..me@education.gov.uk',
    'name@education.gov.uk\nBcc: x@example.com',
    `${'a'.repeat(250)}@education.gov.uk`,
  ])('refuses %j with the DfE format message', (raw) => {
    expect(validateEmail(raw)).toEqual({ ok: false, message: userMessages.emailFormat })
  })
})

describe('names', () => {
  it('trims, and asks for a missing name', () => {
    expect(validateFirstName('  Ada ')).toEqual({ ok: true, value: 'Ada' })
    expect(validateFirstName('')).toEqual({ ok: false, message: 'Enter first name' })
    expect(validateLastName(' \t')).toEqual({ ok: false, message: 'Enter last name' })
  })

  it('counts characters, not UTF-16 units, against the 100 limit', () => {
    expect(validateLastName('é'.repeat(100))).toMatchObject({ ok: true })
    expect(validateLastName('😀'.repeat(100))).toMatchObject({ ok: true })
    expect(validateLastName('x'.repeat(101))).toEqual({ ok: false, message: 'Last name must be 100 characters or less' })
  })
})

describe('parseApiUserAnswer', () => {
  it('reads yes and no, and asks for anything else', () => {
    expect(parseApiUserAnswer('yes')).toEqual({ ok: true, value: true })
    expect(parseApiUserAnswer('no')).toEqual({ ok: true, value: false })
    for (const raw of ['', 'true', 'YES', 'maybe'])
      expect(parseApiUserAnswer(raw)).toEqual({ ok: false, message: 'Select if the account is an API user' })
  })
})

describe('control characters', () => {
  it('refuses them inside a first or last name with the field’s own message', () => {
    expect(validateFirstName('An\u0000ne')).toEqual({ ok: false, message: 'First name must only include letters, numbers, spaces and symbols' })
    expect(validateLastName('Wil\nson')).toEqual({ ok: false, message: 'Last name must only include letters, numbers, spaces and symbols' })
    expect(validateLastName('Wil\u009bson')).toEqual({ ok: false, message: userMessages.lastNameCharacters })
  })

  it('gives an email address with one the format message', () => {
    expect(validateEmail('anne\u0000@education.gov.uk')).toEqual({ ok: false, message: userMessages.emailFormat })
  })
})
