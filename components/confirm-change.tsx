import Link from 'next/link'
import type { ReactNode } from 'react'
import { ActionForm } from '@/components/action-form'
import { Button } from '@/components/govuk/button'
import { WarningText } from '@/components/govuk/warning-text'
import { PageTitle } from '@/components/page-title'

type Props = {
  caption: string
  heading: string
  /** What the change will do, in paragraphs before the warning. */
  children?: ReactNode
  /** For a change that cannot be undone: GOV.UK asks for a warning and a red button at this final step. */
  warning?: string
  /** A red button even without a warning: the change takes something away at once (deactivating a user). */
  destructive?: boolean
  /** This page's address, the form's action without JavaScript. */
  permalink: string
  buttonText: string
  action: () => Promise<void>
  cancelHref: string
}

/**
 * A confirmation page before a change (revoke, delete, deactivate, reactivate). A plain form, so it works
 * without JavaScript. The button is red when there is a warning (the change is permanent) or it is destructive.
 */
export function ConfirmChange({ caption, heading, children, warning, destructive = false, buttonText, action, cancelHref, permalink }: Props) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={`${heading} - ${caption}`} />
        <span className="govuk-caption-l">{caption}</span>
        <h1 className="govuk-heading-l">{heading}</h1>
        {children}
        {warning ? <WarningText text={warning} /> : null}
        <ActionForm action={action} permalink={permalink}>
          <div className="govuk-button-group">
            <Button text={buttonText} classes={warning || destructive ? 'govuk-button--warning' : undefined} preventDoubleClick />
            <Link className="govuk-link" href={cancelHref}>
              Cancel
            </Link>
          </div>
        </ActionForm>
      </div>
    </div>
  )
}
