import { beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'

// A cookie jar for one browser, as next/headers gives a server action; the encryption is the real one.
const jar = vi.hoisted(() => new Map<string, string>())
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
}))

const { draftCookie } = await import('./draft-cookie')

const answers = draftCookie('rotp-test-draft', z.object({ name: z.string() }))
const saved = draftCookie('rotp-test-draft', z.object({ savedId: z.string() }))

beforeEach(() => jar.clear())

describe('draftCookie', () => {
  it('gives the draft back to the person who saved it, encrypted in between', async () => {
    await answers.save('anne', { name: 'Acme' })
    expect(jar.get('rotp-test-draft')).not.toContain('Acme')
    expect(await answers.read('anne')).toEqual({ name: 'Acme' })
  })

  it('reads as no draft for anyone else, once cleared, or when tampered with', async () => {
    await answers.save('anne', { name: 'Acme' })
    expect(await answers.read('priya')).toBeUndefined()
    jar.set('rotp-test-draft', `${jar.get('rotp-test-draft')}x`)
    expect(await answers.read('anne')).toBeUndefined()
    await answers.save('anne', { name: 'Acme' })
    await answers.clear()
    expect(await answers.read('anne')).toBeUndefined()
  })

  it('keeps one kind at a time in a shared cookie: another shape reads as no draft', async () => {
    await answers.save('anne', { name: 'Acme' })
    expect(await saved.read('anne')).toBeUndefined()
    await saved.save('anne', { savedId: 'client-1' })
    expect(await answers.read('anne')).toBeUndefined()
    expect(await saved.read('anne')).toEqual({ savedId: 'client-1' })
  })
})
