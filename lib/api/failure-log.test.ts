import { DrizzleQueryError } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { describeFailure } from './failure-log'

describe('describeFailure', () => {
  it('logs a failed query by its cause, never with its parameters (the token lookup passes the token hash)', () => {
    const hash = '8ab2e31e9ae1869502778c8dc535399305c938c165ba56ec72ba707edc4997e0'
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
    const described = describeFailure(new DrizzleQueryError('select … where token_hash = $1', [hash], cause))
    expect(JSON.stringify(described)).not.toContain(hash)
    expect(described).toMatchObject({ detail: 'connect ECONNREFUSED 127.0.0.1:5432', code: 'ECONNREFUSED', failedQuery: true })
  })

  it('logs other errors as they are', () => {
    expect(describeFailure(new TypeError('boom'))).toMatchObject({ error: 'TypeError', detail: 'boom' })
  })
})
