import type { ReactNode } from 'react'
import { PageTitle } from './page-title'

/** A page of prose: title, heading and content in the two-thirds column. */
export function ContentPage({ title, heading = title, children }: { title: string; heading?: string; children: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageTitle title={title} />
        <h1 className="govuk-heading-l">{heading}</h1>
        {children}
      </div>
    </div>
  )
}
