'use client'

import { ContentPage } from '@/components/content-page'

/** GOV.UK "Sorry, there is a problem with the service" page. Never shows the error itself. */
export default function ErrorPage() {
  return (
    <ContentPage title="Sorry, there is a problem with the service">
      <p className="govuk-body">Try again later.</p>
      <p className="govuk-body">If you were adding or changing something, check whether your change was saved before you try again.</p>
    </ContentPage>
  )
}
