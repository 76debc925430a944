import { formatDate, formatDateTime } from '@/lib/dates'
import { overlapReachesExpiry, overlaps, type OverlapChoice } from './overlap'

// The words of the Regenerate token pages (docs/product/api-clients.md), in one place so the form, the
// check-answers page and the confirmation say the same thing.

/** The question on step 1, also its page title. */
export const overlapQuestion = 'When should the current token stop working?'

/** The error when no choice was made. */
export const overlapMissing = 'Select when the current token should stop working'

/** What a choice means for a client that expires on `expiresOn`, if it is regenerated at `now`. */
export function overlapAnswer(choice: OverlapChoice, now: Date, expiresOn: string): string {
  return overlapReachesExpiry(choice, now, expiresOn) ? `When the client expires, at the end of ${formatDate(expiresOn)}` : overlaps[choice].label
}

/** The sentence in the check-answers warning about the current token. */
export function currentTokenSentence(choice: OverlapChoice, now: Date, expiresOn: string): string {
  if (choice === 'immediately') return 'The current token will stop working straight away.'
  if (overlapReachesExpiry(choice, now, expiresOn))
    return `The current token will stop working at the end of ${formatDate(expiresOn)}, when the client expires.`
  const after = { '1-hour': '1 hour', '24-hours': '24 hours', '7-days': '7 days' }[choice]
  return `The current token will keep working for ${after}, then stop.`
}

/** What is said while an earlier regeneration's old token still works: regenerating again stops it at once. */
export function previousTokenSentence(stopsAt: Date): string {
  return `A previous token still works until ${formatDateTime(stopsAt)}. It will stop working as soon as you regenerate the token again.`
}

/** The line below the panel: when the old token stops, as it was decided on saving. */
export function stoppedSentence(stopsAt: Date, now: Date): string {
  return stopsAt.getTime() <= now.getTime()
    ? 'The previous token has stopped working.'
    : `The previous token stops working on ${formatDateTime(stopsAt)}.`
}
