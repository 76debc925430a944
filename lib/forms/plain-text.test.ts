import { describe, expect, it } from 'vitest'
import { controlCharacterMessage, hasControlCharacter, plainText } from './plain-text'

describe('hasControlCharacter', () => {
  it.each([
    ['NUL', '\u0000'],
    ['tab', '\t'],
    ['line feed', '\n'],
    ['carriage return', '\r'],
    ['escape', '\u001b'],
    ['unit separator', '\u001f'],
    ['DEL', '\u007f'],
    ['first C1', '\u0080'],
    ['last C1', '\u009f'],
  ])('finds %s anywhere in the text', (_name, character) => {
    expect(hasControlCharacter(`a${character}b`)).toBe(true)
    expect(hasControlCharacter(character)).toBe(true)
  })

  it.each([
    ['letters and symbols', "O'Brien-Smith & Co. (test) #1 £5 €"],
    ['space', 'a b'],
    ['no-break space, just after C1', 'a\u00a0b'],
    ['emoji', 'Team 🚀'],
    ['accents', 'Zoë Ångström'],
    ['empty', ''],
  ])('accepts %s', (_name, text) => {
    expect(hasControlCharacter(text)).toBe(false)
  })
})

describe('plainText', () => {
  it('refuses a control character with the message it was given', () => {
    const result = plainText(controlCharacterMessage('Client name')).safeParse('a\u0000b')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('Client name must only include letters, numbers, spaces and symbols')
  })

  it('passes other text through unchanged', () => {
    expect(plainText('x').parse(' Café ')).toBe(' Café ')
  })
})
