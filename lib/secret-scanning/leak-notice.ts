import { eq } from 'drizzle-orm'
import type { Database } from '@/db/client'
import { apiClients, users } from '@/db/schema'
import { describeError, logger } from '@/lib/logger'
import type { EmailSender } from '@/lib/reminders/notify'

/** Notify's sender, the template (NOTIFY_TEMPLATE_TOKEN_LEAKED) and the address the e-mail links to. */
export type LeakNoticeSettings = { send: EmailSender; templateId: string; serviceAddress: string }

export type LeakNoticeOutcome = 'sent' | 'not-configured' | 'no-recipient' | 'failed'

/** What the template's `found_at` field says when GitHub gave no address (its docs say the URL may be empty). */
export const noAddressGiven = 'a public place on GitHub (GitHub did not say where)'

/**
 * E-mails the creator of a client that was just revoked because its token was found in public, so they can
 * remove the token from where it was published and use a new client. Never throws: the revocation stands
 * whatever Notify says, and a failure is logged (without the token, which is not even known here).
 */
export async function sendLeakNotice(
  db: Database,
  settings: LeakNoticeSettings | undefined,
  revoked: { clientId: string; foundAtUrl: string },
): Promise<LeakNoticeOutcome> {
  const { clientId } = revoked
  if (!settings) {
    logger.info('secret scanning: no e-mail sent to the creator: NOTIFY_TEMPLATE_TOKEN_LEAKED or NOTIFY_API_KEY is not set', { clientId })
    return 'not-configured'
  }
  const [row] = await db
    .select({ name: apiClients.name, email: users.email, firstName: users.firstName, active: users.active, deletedAt: users.deletedAt })
    .from(apiClients)
    .innerJoin(users, eq(users.id, apiClients.createdById))
    .where(eq(apiClients.id, clientId))
  // Someone who has lost access is not told about a client they can no longer see.
  if (!row || !row.active || row.deletedAt) return 'no-recipient'
  try {
    await settings.send({
      templateId: settings.templateId,
      emailAddress: row.email,
      reference: `token-found-in-public-${clientId}`,
      personalisation: {
        first_name: row.firstName,
        client_name: row.name,
        found_at: revoked.foundAtUrl || noAddressGiven,
        client_url: `${settings.serviceAddress}/api-clients/${clientId}`,
      },
    })
    return 'sent'
  } catch (error) {
    logger.error('secret scanning: the e-mail to the creator was not sent', { clientId, ...describeError(error) })
    return 'failed'
  }
}
