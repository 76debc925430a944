import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { firstErrorPerField, formStateWithErrors, hasErrors, readFields } from './form-state'

describe('form state', () => {
  it('lists errors in page order with links to their fields', () => {
    const state = formStateWithErrors({ name: '', date: '' }, { date: 'Enter expiry date', name: 'Enter client name' }, ['name', 'date'], (field) =>
      field === 'date' ? 'date-day' : field,
    )
    expect(state.summary).toEqual([
      { href: '#name', text: 'Enter client name' },
      { href: '#date-day', text: 'Enter expiry date' },
    ])
    expect(hasErrors(state)).toBe(true)
  })

  it('reads missing and file fields as empty text', () => {
    const data = new FormData()
    data.set('name', 'Acme')
    data.set('upload', new Blob(['x']))
    expect(readFields(data, ['name', 'upload', 'missing'])).toEqual({ name: 'Acme', upload: '', missing: '' })
  })

  it('keeps the first zod message for each field', () => {
    const schema = z.object({ name: z.string().min(1, 'Enter a name').max(2, 'Too long'), other: z.string().min(1, 'Enter other') })
    const result = schema.safeParse({ name: '', other: '' })
    expect(result.success).toBe(false)
    if (!result.success) expect(firstErrorPerField(result.error)).toEqual({ name: 'Enter a name', other: 'Enter other' })
  })
})
