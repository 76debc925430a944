import Link from 'next/link'
import { Button } from '@/components/govuk/button'
import { WarningText } from '@/components/govuk/warning-text'
import { PageTitle } from '@/components/page-title'

type Props = {
  caption: string
  heading: string
  warning: string
  buttonText: string
  action: () => Promise<void>
  cancelHref: string
}

/**
 * A confirmation page for a change that cannot be undone (revoke, delete): GOV.UK asks for a warning
 * and a red button only at this final step. A plain form, so it works without JavaScript.
 */
export function ConfirmPermanentChange({ caption, heading, warning, buttonText, action, cancelHref }: Props) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={`${heading} - ${caption}`} />
        <span className="govuk-caption-l">{caption}</span>
        <h1 className="govuk-heading-l">{heading}</h1>
        <WarningText text={warning} />
        <form action={action}>
          <div className="govuk-button-group">
            <Button text={buttonText} classes="govuk-button--warning" preventDoubleClick />
            <Link className="govuk-link" href={cancelHref}>
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  )
}
