import { ContentPage } from '@/components/content-page'

/** GOV.UK "Page not found" page, served with status 404. */
export default function NotFound() {
  return (
    <ContentPage title="Page not found">
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
    </ContentPage>
  )
}
