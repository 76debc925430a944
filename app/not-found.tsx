import { headers } from 'next/headers'
import { ContentPage } from '@/components/content-page'
import { isForbiddenPageRequest } from '@/lib/auth/error-pages'
import Forbidden from './forbidden'

/**
 * GOV.UK "Page not found" page, served with status 404. The proxy also renders the 403 page's words here
 * (lib/auth/error-pages.ts), since this is the one page Next renders whole without JavaScript.
 */
export default async function NotFound() {
  if (isForbiddenPageRequest(await headers())) return <Forbidden />
  return (
    <ContentPage title="Page not found">
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
    </ContentPage>
  )
}
