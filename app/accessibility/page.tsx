import { ContentPage } from '@/components/content-page'

/** Accessibility statement, in the shape GOV.UK's model statement uses. */
export default function AccessibilityPage() {
  return (
    <ContentPage title="Accessibility statement" heading="Accessibility statement for the Register of training providers">
      <p className="govuk-body">
        This accessibility statement applies to the Register of training providers service, used by Department for Education staff to manage access to
        the register’s API.
      </p>
      <p className="govuk-body">We want as many people as possible to be able to use this service. For example, that means you should be able to:</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>change colours, contrast levels and fonts using browser or device settings</li>
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>navigate the whole service using just a keyboard or speech recognition software</li>
        <li>listen to the whole service using a screen reader</li>
        <li>use every part of the service with JavaScript turned off</li>
      </ul>
      <h2 className="govuk-heading-m">How accessible this service is</h2>
      <p className="govuk-body">
        We built the service with the GOV.UK Design System and test every page we change with automated accessibility checks (axe) against the Web
        Content Accessibility Guidelines version 2.2 AA standard.
      </p>
      <h2 className="govuk-heading-m">Reporting accessibility problems with this service</h2>
      <p className="govuk-body">
        We are always looking to improve the accessibility of this service. If you find any problems not listed on this page or think we are not
        meeting accessibility requirements, tell the Register of training providers team.
      </p>
      <h2 className="govuk-heading-m">Enforcement procedure</h2>
      <p className="govuk-body">
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No.
        2) Accessibility Regulations 2018 (the ‘accessibility regulations’). If you are not happy with how we respond to your complaint, contact the
        Equality Advisory and Support Service (EASS).
      </p>
      <h2 className="govuk-heading-m">Compliance status</h2>
      <p className="govuk-body">This service is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.</p>
    </ContentPage>
  )
}
