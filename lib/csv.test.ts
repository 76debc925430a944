import { describe, expect, it } from 'vitest'
import { csvCell, csvRow } from './csv'

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('Acme Ltd')).toBe('Acme Ltd')
    expect(csvCell('')).toBe('')
  })

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('Smith, Jones')).toBe('"Smith, Jones"')
    expect(csvCell('the "best" client')).toBe('"the ""best"" client"')
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"')
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"')
  })

  it.each(['=1+1', '+44 20', '-2', '@SUM(A1)', '\tcmd', '\rcmd'])('neutralises a formula start in %j', (value) => {
    expect(csvCell(value).replace(/^"/, '').startsWith(`'${value[0]}`)).toBe(true)
  })

  it('neutralises and quotes a formula with a comma', () => {
    expect(csvCell('=HYPERLINK("http://x", "y")')).toBe(`"'=HYPERLINK(""http://x"", ""y"")"`)
  })

  it('leaves a formula character that is not first', () => {
    expect(csvCell('a=b')).toBe('a=b')
  })
})

describe('csvRow', () => {
  it('joins cells with commas and ends with CRLF', () => {
    expect(csvRow(['a', 'b, c', '=d'])).toBe(`a,"b, c",'=d\r\n`)
  })
})
