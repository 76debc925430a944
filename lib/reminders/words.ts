/**
 * The words the reminder e-mails put in their templates' `what_to_do` field (docs/product/expiry-reminders.md).
 * They live here rather than in the Notify templates so that they change with the service.
 */
export const whatToDo: Record<'expiresSoon' | 'expired', string> = {
  expiresSoon: 'To keep using the register API after that date, regenerate its token or add a new client.',
  expired: 'To use the register API again, regenerate its token or add a new client.',
}
