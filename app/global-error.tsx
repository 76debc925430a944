'use client'

import './styles.scss'

/** Last resort when the root layout itself fails: a plain GOV.UK error page, never the error. */
export default function GlobalError() {
  return (
    <html lang="en" className="govuk-template">
      <body className="govuk-template__body">
        <div className="govuk-width-container">
          <main className="govuk-main-wrapper" id="main-content">
            <title>Sorry, there is a problem with the service - Register of training providers - GOV.UK</title>
            <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
            <p className="govuk-body">Try again later.</p>
          </main>
        </div>
      </body>
    </html>
  )
}
