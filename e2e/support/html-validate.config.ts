import type { ConfigData, Message } from 'html-validate'

/**
 * html-validate's rules for every page a journey visits (e2e/support/html-validate.ts): all of
 * `recommended` (the HTML standard's content models and attributes, WCAG techniques, duplicate ids…) and
 * `document` (rules that need the whole page: heading levels, labels, references such as aria-describedby
 * to an id that exists). Turned off or relaxed only where the markup is written by React, Next, the
 * browser's serialisation of the DOM or GOV.UK Frontend's own templates, each with its reason
 * (docs/decisions/0016-html-validate-and-small-screens.md).
 */
export const htmlValidateConfig: ConfigData = {
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    // React writes a true boolean attribute as `async=""`, `hidden=""`, `noValidate=""`, and so does the
    // browser when it serialises the live DOM: both are valid HTML; the rule is about style.
    'attribute-boolean-style': 'off',
    // React writes attribute names as its props are spelt: `charSet`, `noValidate`, `encType`, `spellCheck`,
    // `autoComplete`, `inputMode`, `fetchPriority`, `noModule`. HTML attribute names ignore case.
    'attr-case': 'off',
    // React writes void elements self-closed: `<meta … />`, `<input … />`, `<br/>`. Valid HTML; a style.
    'void-style': 'off',
    // Next gives its inline scripts React ids such as `_R_`. The HTML standard allows any id without spaces,
    // which the relaxed rule still checks; the strict one asks that ids begin with a letter.
    'valid-id': ['error', { relaxed: true }],
    // Subresource integrity guards files served by someone else. Next writes its own scripts and styles,
    // from this origin, without `integrity`; a script or style from any other origin still needs it.
    'require-sri': ['error', { target: 'crossorigin' }],
    // Not about React, and not conformance: a title longer than 70 characters is cut short in search
    // results. GOV.UK's pattern "Page - Service - GOV.UK" (docs/decisions/0005) makes ours longer, with
    // the service's name alone 44 characters, and staff pages are never in search results.
    'long-title': 'off',
  },
}

/** A message that stands, because of who writes that markup and why; `test` picks out exactly that markup. */
type AcceptedMessage = { ruleId: string; reason: string; test: (openingTag: string, message: Message) => boolean }

/**
 * Markup that one rule would flag everywhere, accepted only where it comes from React, Next or GOV.UK
 * Frontend (so the rule still checks everything of ours). Each is matched on the opening tag it is about.
 */
export const acceptedMessages: readonly AcceptedMessage[] = [
  {
    ruleId: 'heading-level',
    reason:
      'GOV.UK puts the error summary ("There is a problem") and the success banner ("Success"), each headed by an <h2>, at the top of the main content, before the page\'s <h1> (the error summary and notification banner components).',
    test: (tag) =>
      tag === '<h2 class="govuk-error-summary__title">' ||
      tag === '<h2 class="govuk-notification-banner__title" id="govuk-notification-banner-title">',
  },
  {
    ruleId: 'attribute-allowed-values',
    reason:
      'React writes this placeholder action on a form it renders in the browser (a client-side navigation) for a server action; a submit never uses it, as React handles the submit event. Pages sent by the server carry a real action (components/action-form.tsx).',
    test: (tag) => /^<form\b[^>]* action="javascript:throw new Error\('A React form was unexpectedly submitted\./.test(tag),
  },
  {
    ruleId: 'no-inline-style',
    reason: 'Next adds <next-route-announcer style="position: absolute;"> to the live DOM to announce client-side navigations.',
    test: (tag) => tag.startsWith('<next-route-announcer '),
  },
  {
    ruleId: 'no-redundant-role',
    reason: 'GOV.UK Frontend puts role="group" on the date input fieldset so that JAWS announces its hint and error (govukDateInput).',
    test: (tag) => /^<fieldset role="group"[^>]* class="govuk-fieldset">$/.test(tag),
  },
  {
    ruleId: 'prefer-native-element',
    reason:
      'GOV.UK Frontend writes a link that looks like a button as <a role="button" draggable="false" class="govuk-button"> (govukButton with href), and its script makes the space bar follow it.',
    test: (tag) => /^<a\b[^>]* role="button" draggable="false" class="govuk-button[ "]/.test(tag),
  },
]
