import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { users } from '@/db/schema'
import { eq } from 'drizzle-orm'
import type { Email } from '@/lib/reminders/notify'
import { NotifyFailure } from '@/lib/reminders/notify'
import { createTestDatabase, insertApiClientWithToken, type TestDatabase } from '@/test/database'
import { noAddressGiven, sendLeakNotice, type LeakNoticeSettings } from './leak-notice'

let database: TestDatabase
const sent: Email[] = []
const settings: LeakNoticeSettings = {
  templateId: '3b1f0c2a-9d4e-4f6a-8b7c-1d2e3f4a5b6c',
  serviceAddress: 'https://register.example',
  send: async (email) => {
    sent.push(email)
    return { notificationId: 'n-1' }
  },
}

async function clientOf(email: string, active = true) {
  const [user] = await database.db.insert(users).values({ firstName: 'Ada', lastName: 'Creator', email, apiUser: true, active }).returning()
  if (!user) throw new Error('no user')
  return insertApiClientWithToken(database.db, { name: `Client of ${email}`, expiresOn: '2027-06-30', createdById: user.id })
}

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await database?.close()
})

describe('the e-mail to a leaked token’s creator', () => {
  it('goes to the creator through Notify with the client, where the token was found and a link to the client', async () => {
    const client = await clientOf('ada@education.gov.uk')
    const url = 'https://github.com/o/r/blob/1/a.txt'
    expect(await sendLeakNotice(database.db, settings, { clientId: client.id, foundAtUrl: url })).toBe('sent')
    expect(sent.at(-1)).toEqual({
      templateId: settings.templateId,
      emailAddress: 'ada@education.gov.uk',
      reference: `token-found-in-public-${client.id}`,
      personalisation: { first_name: 'Ada', client_name: client.name, found_at: url, client_url: `https://register.example/api-clients/${client.id}` },
    })
    await sendLeakNotice(database.db, settings, { clientId: client.id, foundAtUrl: '' })
    expect(sent.at(-1)?.personalisation.found_at).toBe(noAddressGiven)
  })

  it('is not sent without a template, nor to a creator who has lost access, and a Notify failure does not throw', async () => {
    const client = await clientOf('bea@education.gov.uk')
    const count = sent.length
    expect(await sendLeakNotice(database.db, undefined, { clientId: client.id, foundAtUrl: '' })).toBe('not-configured')
    const inactive = await clientOf('cy@education.gov.uk', false)
    expect(await sendLeakNotice(database.db, settings, { clientId: inactive.id, foundAtUrl: '' })).toBe('no-recipient')
    await database.db.update(users).set({ deletedAt: new Date() }).where(eq(users.email, 'bea@education.gov.uk'))
    expect(await sendLeakNotice(database.db, settings, { clientId: client.id, foundAtUrl: '' })).toBe('no-recipient')
    expect(sent.length).toBe(count)
    const failing: LeakNoticeSettings = { ...settings, send: async () => Promise.reject(new NotifyFailure('Notify answered 500', 500, true)) }
    const other = await clientOf('dee@education.gov.uk')
    expect(await sendLeakNotice(database.db, failing, { clientId: other.id, foundAtUrl: '' })).toBe('failed')
  })
})
