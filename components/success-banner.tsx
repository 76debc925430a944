import { NotificationBanner } from '@/components/govuk/notification-banner'

/**
 * The green "Success" banner that reports a change the person has just made. GOV.UK puts it right before
 * the h1, with the outcome as its heading.
 */
export function SuccessBanner({ heading }: { heading: string }) {
  return <NotificationBanner type="success" html={<h3 className="govuk-notification-banner__heading">{heading}</h3>} />
}
