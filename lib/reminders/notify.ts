import axios, { isAxiosError } from 'axios'
import { NotifyClient } from 'notifications-node-client'
import type { NotifySettings } from '@/lib/env'

/** What an e-mail needs: Notify's template, the address, the template's fields and our own reference. */
export type Email = { templateId: string; emailAddress: string; personalisation: Record<string, string>; reference: string }

/** Sends one e-mail; resolves to Notify's id for it, or throws a NotifyFailure. */
export type EmailSender = (email: Email) => Promise<{ notificationId: string }>

/**
 * A send that did not succeed. `retryable` for what may pass on a later try (no answer, a 5xx, a 429);
 * otherwise Notify refused the request itself (a bad key, template or address), and trying again cannot help.
 */
export class NotifyFailure extends Error {
  override name = 'NotifyFailure'
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryable: boolean,
  ) {
    super(message)
  }
}

/** A request that gets no answer in this long counts as failed (and is retried), so a run never hangs. */
const requestTimeoutMs = 10_000

/** Notify's errors: `{"status_code": 400, "errors": [{"error": "BadRequestError", "message": "…"}]}`. */
function describeAnswer(data: unknown): string {
  const errors = (data as { errors?: Array<{ error?: unknown; message?: unknown }> } | undefined)?.errors
  if (!Array.isArray(errors) || errors.length === 0) return 'no error message'
  return errors.map((entry) => `${String(entry.error)}: ${String(entry.message)}`).join('; ')
}

export function toNotifyFailure(error: unknown): NotifyFailure {
  if (isAxiosError(error)) {
    const status = error.response?.status
    if (status === undefined) return new NotifyFailure(`no answer from Notify (${error.code ?? error.message})`, undefined, true)
    const retryable = status === 429 || status >= 500
    return new NotifyFailure(`Notify answered ${status}: ${describeAnswer(error.response?.data)}`, status, retryable)
  }
  if (error instanceof NotifyFailure) return error
  return new NotifyFailure(error instanceof Error ? error.message : String(error), undefined, false)
}

/** An EmailSender through the official client, to real Notify or, with a base URL, to another (the stand-in). */
export function notifyEmailSender(settings: Pick<NotifySettings, 'apiKey' | 'baseUrl'>): EmailSender {
  const client = settings.baseUrl ? new NotifyClient(settings.baseUrl, settings.apiKey) : new NotifyClient(settings.apiKey)
  // The client's own axios has no timeout at all.
  client.setClient(axios.create({ timeout: requestTimeoutMs }))
  return async (email) => {
    try {
      const response = await client.sendEmail(email.templateId, email.emailAddress, {
        personalisation: email.personalisation,
        reference: email.reference,
      })
      return { notificationId: response.data.id }
    } catch (error) {
      throw toNotifyFailure(error)
    }
  }
}
