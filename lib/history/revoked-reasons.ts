/** Why the system revoked a client, in the words its History card, the Activity download and the command line use. */
const revokedReasons: Record<string, string> = {
  'creator-deactivated': 'The user who created it was deactivated',
  'token-found-in-public': 'Token found in public',
}

/** A recorded reason in words, with where a leaked token was found when that is known; an unknown code as it is. */
export function revokedReasonText(reason: string, foundAtUrl?: string | null): string {
  const text = revokedReasons[reason] ?? reason
  return foundAtUrl ? `${text}: ${foundAtUrl}` : text
}
