import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseEnv } from '@/lib/env'
import { scheduledRunOptions, startReminderScheduler } from './scheduler'

const holder = globalThis as typeof globalThis & { __registerReminderScheduler?: unknown }

afterEach(() => {
  delete holder.__registerReminderScheduler
  vi.restoreAllMocks()
})

describe('the reminder scheduler', () => {
  it('without a Notify key sends nothing and says so once, however often it is started', () => {
    const lines: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk))
      return true
    })
    const values = parseEnv({ NODE_ENV: 'development' })
    expect(scheduledRunOptions(values, () => false)).toBeUndefined()
    startReminderScheduler(values)
    startReminderScheduler(values)
    const said = lines.filter((line) => line.includes('expiry reminders are off'))
    expect(said).toHaveLength(1)
    expect(JSON.parse(said[0] ?? '{}')).toMatchObject({ level: 'info', message: 'expiry reminders are off: NOTIFY_API_KEY is not set, so no e-mail is sent' })
  })

  it('with a key runs against Notify with the templates and links to the service address', () => {
    const values = parseEnv({
      NODE_ENV: 'development',
      PUBLIC_URL: 'https://register.example',
      NOTIFY_API_KEY: 'key-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0',
      NOTIFY_TEMPLATE_EXPIRES_SOON: 'f33517ff-2a88-4f6e-b855-c550268ce08a',
      NOTIFY_TEMPLATE_EXPIRED: '8e222534-7f05-4972-86e3-17c5d9f894e2',
    })
    let stopped = false
    const options = scheduledRunOptions(values, () => stopped)
    expect(options).toMatchObject({
      serviceAddress: 'https://register.example',
      templates: { expiresSoon: 'f33517ff-2a88-4f6e-b855-c550268ce08a', expired: '8e222534-7f05-4972-86e3-17c5d9f894e2' },
    })
    expect(typeof options?.send).toBe('function')
    expect(options?.shouldStop?.()).toBe(false)
    stopped = true
    expect(options?.shouldStop?.()).toBe(true)
  })
})
