import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { checkedField, parseForm } from './form-schema'
import { formStateWithErrors } from './form-state'

const trimmed = (missing: string) =>
  checkedField((raw) => (raw.trim() === '' ? { ok: false as const, message: missing } : { ok: true as const, value: raw.trim() }))
const schema = z.object({ first: trimmed('Enter first'), second: checkedField(async (raw) => ({ ok: true as const, value: raw.length })) })
type Values = { first: string; second: string }
const stateOf = (values: Values, errors: Partial<Record<keyof Values, string>>) => formStateWithErrors(values, errors, ['first', 'second'])

describe('parseForm', () => {
  it('gives the values the validators return, sync or async', async () => {
    expect(await parseForm(schema, { first: '  Ada ', second: 'abc' }, stateOf)).toEqual({ ok: true, answers: { first: 'Ada', second: 3 } })
  })

  it("answers the form state with the validator's message, the values as typed and the summary", async () => {
    const parsed = await parseForm(schema, { first: ' ', second: 'abc' }, stateOf)
    expect(parsed).toEqual({
      ok: false,
      state: { values: { first: ' ', second: 'abc' }, errors: { first: 'Enter first' }, summary: [{ href: '#first', text: 'Enter first' }] },
    })
  })
})
