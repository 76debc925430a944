import { forbidden } from 'next/navigation'

/**
 * Where a server action sends someone whose role does not allow it (lib/auth/staff-action.ts): the 403 page
 * with its status. An action cannot show it itself when the form was posted without JavaScript, because
 * Next renders its 404 page for any forbidden() thrown by such an action.
 */
export default function PermissionDeniedPage(): never {
  forbidden()
}
