import { ContentPage } from '@/components/content-page'
import { TableRegion } from '@/components/table-region'

/** The cookies page: the service sets only essential cookies, so there is no banner to accept them. */
export default function CookiesPage() {
  return (
    <ContentPage title="Cookies">
      <p className="govuk-body">Cookies are small files saved on your phone, tablet or computer when you visit a website.</p>
      <p className="govuk-body">
        We use essential cookies to make the Register of training providers work. We do not use analytics or any other cookies, so we do not ask you
        to accept them.
      </p>
      <h2 className="govuk-heading-m">Essential cookies</h2>
      <TableRegion
        caption="Essential cookies we use"
        captionClasses="govuk-visually-hidden"
        firstCellIsHeader
        head={[{ text: 'Name' }, { text: 'Purpose' }, { text: 'Expires' }]}
        rows={[[{ text: 'next-auth.session-token' }, { text: 'Keeps you signed in' }, { text: 'After 8 hours' }]]}
      />
      <p className="govuk-body">When the service is served over HTTPS the name starts with __Secure-.</p>
    </ContentPage>
  )
}
