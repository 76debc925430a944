import { describe, expect, it } from 'vitest'
import { describeDatabase } from './database'
import { formatFields, formatTable } from './output'

describe('command-line output', () => {
  it('lines up table columns by characters, not UTF-16 units, and leaves the last column ragged', () => {
    expect(
      formatTable(
        ['A', 'Name'],
        [
          ['😀x', 'one'],
          ['yy', 'two words'],
        ],
      ),
    ).toBe('A   Name\n😀x  one\nyy  two words\n')
  })

  it('lines up labelled values and leaves out the undefined ones', () => {
    expect(
      formatFields([
        ['ID', '1'],
        ['Revoked', undefined],
        ['Client name', 'X'],
      ]),
    ).toBe('ID           1\nClient name  X\n')
  })
})

describe('describeDatabase', () => {
  it('names the PostgreSQL server and database but never the user name or password', () => {
    const line = describeDatabase({ url: 'postgres://operator:s3cret@db.internal:5433/register', pgliteDir: '.data/pglite' })
    expect(line).toBe('Using PostgreSQL database register on db.internal:5433 (DATABASE_URL)')
    expect(line).not.toMatch(/operator|s3cret/)
  })

  it('names the embedded database’s folder in full when there is no DATABASE_URL', () => {
    expect(describeDatabase({ pgliteDir: '/srv/register/pglite' })).toBe(
      'Using the embedded database in /srv/register/pglite (DATABASE_URL is not set; stop npm run dev first if it uses the same folder)',
    )
  })
})
