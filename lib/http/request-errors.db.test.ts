import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { users } from '@/db/schema'
import { createTestDatabase, type TestDatabase } from '@/test/database'
import { consoleFields, routeConsoleToLogger } from './console-to-logger'
import { logRequestError } from './request-errors'

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await database.close()
})

/** What the process writes to stdout and stderr while `work` runs, line by line. */
async function linesWritten(work: () => unknown): Promise<string[]> {
  const written: string[] = []
  const capture = (chunk: unknown) => {
    written.push(String(chunk))
    return true
  }
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture)
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture)
  try {
    await work()
  } finally {
    out.mockRestore()
    err.mockRestore()
  }
  return written
    .join('')
    .split('\n')
    .filter((line) => line !== '')
}

// What an anonymous caller typed into the sign-in form: a NUL byte, then a forged log line.
const typed = 'anne.wilson@education.gov.uk\u0000\n{"message":"signed in","userId":"forged"}'

async function failedQuery(): Promise<unknown> {
  return database.db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${typed})`)
    .then(
      () => undefined,
      (error: unknown) => error,
    )
}

describe(`logging a failed query (${process.env.TEST_DATABASE_KIND})`, () => {
  it('writes one JSON line per request error, with neither the query nor what was typed', async () => {
    const error = await failedQuery()
    expect(error).toBeInstanceOf(Error)
    // The driver's own message holds the raw parameters, line break included: the reason for all this.
    expect(String((error as Error).message)).toContain('signed in')
    const lines = await linesWritten(() =>
      logRequestError(
        error,
        { path: '/sign-in?email=anne.wilson%40education.gov.uk', method: 'POST', headers: {} },
        { routePath: '/sign-in', routeType: 'action' },
      ),
    )
    expect(lines).toHaveLength(1)
    const entry = JSON.parse(lines[0] ?? '') as Record<string, unknown>
    expect(entry).toMatchObject({
      level: 'error',
      message: 'unexpected server error',
      method: 'POST',
      path: '/sign-in',
      route: '/sign-in',
      failedQuery: true,
    })
    expect(lines[0]).not.toContain('anne.wilson')
    expect(lines[0]).not.toContain('signed in')
    expect(lines[0]).not.toMatch(/select/i)
  })

  it('routes console output through the logger as JSON, skipping an error onRequestError already logged', async () => {
    const error = await failedQuery()
    const target = { log: () => {}, info: () => {}, debug: () => {}, warn: () => {}, error: () => {} } as unknown as Console
    routeConsoleToLogger(target)
    const lines = await linesWritten(async () => {
      target.warn('Server Action "x" was not found\nfake line')
      // React logs the error first, Next then reports it with its request, then logs it once more.
      target.error(error)
      logRequestError(error, { path: '/sign-in', method: 'POST', headers: {} }, { routePath: '/sign-in', routeType: 'action' })
      target.error(' ⨯', error)
      await new Promise((waited) => setTimeout(waited, 400))
    })
    expect(lines).toHaveLength(2)
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(entries[0]).toMatchObject({ level: 'warn', message: 'Server Action "x" was not found\nfake line' })
    expect(entries[1]).toMatchObject({ level: 'error', message: 'unexpected server error' })
  })

  it('describes an error among console arguments without its SQL or parameters', async () => {
    const error = await failedQuery()
    const { message, fields } = consoleFields([' ⨯', error])
    expect(message).toMatch(/reported by Next\.js$/)
    expect(JSON.stringify(fields)).not.toContain('anne.wilson')
  })
})
